/** What a share control offers: the address to share and the networks' plain share links. */
export interface ShareTarget {
  /** Stable key, also the link's data-network attribute (tests and styling). */
  network: 'x' | 'facebook' | 'linkedin' | 'reddit' | 'bluesky' | 'whatsapp' | 'email'
  /** The visible label: "Share on X", "Email". */
  label: string
  href: string
}

/**
 * The address to share: the canonical URL with campaign parameters (utm_*, fbclid, gclid)
 * removed and no fragment but the one given (an entry's anchor, `#7`), so a shared link never
 * carries where the sharer came from.
 */
export function shareableUrl(canonicalUrl: string, anchor?: string): string {
  const url = new URL(canonicalUrl)
  for (const name of [...url.searchParams.keys()]) {
    if (/^(utm_\w+|fbclid|gclid|mc_eid)$/i.test(name)) url.searchParams.delete(name)
  }
  url.hash = anchor ?? ''
  return url.href
}

/**
 * Each network's documented share address, filled with the story's address and title. Plain
 * links: no network script is loaded, and they work without JavaScript.
 */
export function shareTargets(canonicalUrl: string, title: string, anchor?: string): ShareTarget[] {
  const url = shareableUrl(canonicalUrl, anchor)
  const query = (params: Record<string, string>) => new URLSearchParams(params).toString()
  return [
    {
      network: 'x',
      label: 'X',
      href: `https://x.com/intent/post?${query({ url, text: title })}`,
    },
    {
      network: 'facebook',
      label: 'Facebook',
      href: `https://www.facebook.com/sharer/sharer.php?${query({ u: url })}`,
    },
    {
      network: 'bluesky',
      label: 'Bluesky',
      href: `https://bsky.app/intent/compose?${query({ text: `${title} ${url}` })}`,
    },
    {
      network: 'linkedin',
      label: 'LinkedIn',
      href: `https://www.linkedin.com/sharing/share-offsite/?${query({ url })}`,
    },
    {
      network: 'reddit',
      label: 'Reddit',
      href: `https://www.reddit.com/submit?${query({ url, title })}`,
    },
    {
      network: 'whatsapp',
      label: 'WhatsApp',
      href: `https://wa.me/?${query({ text: `${title} ${url}` })}`,
    },
    {
      network: 'email',
      label: 'Email',
      // mailto wants %20 for spaces, not the + of a form-encoded query.
      href: `mailto:?subject=${encodeURIComponent(title)}&body=${encodeURIComponent(`${title}\n\n${url}`)}`,
    },
  ]
}
