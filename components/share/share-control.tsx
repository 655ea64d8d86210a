import { useId } from 'react'
import { Disclosure } from '@/components/ui/disclosure'
import { StrokeIcon } from '@/components/ui/stroke-icon'
import { shareableUrl, shareTargets } from '@/lib/share'
import { CopyLinkButton, ShareSummary } from './share-actions'

interface Props {
  /** The page's canonical, absolute address. */
  url: string
  title: string
  className?: string
  /** Which edge of the button the panel lines up with: its end (default) or its start. */
  align?: 'start' | 'end'
  /** An entry's anchor within the page (`7` for `#7`): shares that entry, not the page. */
  anchor?: string
  /** What the button shares, for screen readers where a page has several ("entry 7"). */
  label?: string
}

const ITEM =
  'flex min-h-11 w-full items-center rounded px-3 text-left text-sm font-semibold hover:bg-surface hover:text-accent'

/**
 * "Share" for a story or a gallery. A plain disclosure of links to each network's share page
 * (no network's script, nothing loaded until a reader follows one) and the address to copy;
 * with JavaScript, a "Copy link" button, and on browsers with the Web Share API the system's
 * share sheet instead of the panel. Any story format can place it with its own URL and title.
 */
export function ShareControl({ url, title, className = '', align = 'end', anchor, label }: Props) {
  const address = shareableUrl(url, anchor)
  const inputId = useId()
  return (
    <Disclosure className={`relative ${className}`}>
      <ShareSummary
        url={address}
        title={title}
        className="inline-flex min-h-11 min-w-11 cursor-pointer list-none items-center justify-center gap-2 rounded-full border border-line px-3 text-sm font-semibold hover:border-accent [&::-webkit-details-marker]:hidden"
      >
        <StrokeIcon className="size-5">
          <path d="M12 3v12M7 8l5-5 5 5M5 13v6a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2v-6" />
        </StrokeIcon>
        Share
        {label && <span className="sr-only"> {label}</span>}
      </ShareSummary>
      <div
        className={`absolute ${align === 'end' ? 'right-0' : 'left-0'} z-30 mt-2 w-64 max-w-[calc(100vw-2rem)] rounded-md border border-line bg-page p-1 shadow-lg`}
      >
        <ul aria-label={label ? `Share ${label}` : 'Share'}>
          <li className="needs-js">
            <CopyLinkButton url={address} className={ITEM} />
          </li>
          {shareTargets(url, title, anchor).map((target) => (
            <li key={target.network}>
              <a
                href={target.href}
                data-network={target.network}
                rel="nofollow noopener noreferrer"
                target={target.network === 'email' ? undefined : '_blank'}
                className={ITEM}
              >
                {target.network === 'email' ? 'Send by email' : `Share on ${target.label}`}
              </a>
            </li>
          ))}
        </ul>
        <label htmlFor={inputId} className="mt-1 block px-3 pt-1 text-xs text-muted">
          Address
        </label>
        <input
          id={inputId}
          type="url"
          readOnly
          value={address}
          className="mx-3 mb-2 block min-h-11 w-[calc(100%-1.5rem)] rounded border border-line bg-surface px-2 text-sm"
        />
      </div>
    </Disclosure>
  )
}
