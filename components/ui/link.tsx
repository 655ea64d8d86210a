import NextLink from 'next/link'
import type { ComponentProps } from 'react'

/**
 * next/link without prefetching. A story shows some thirty links (sections, rails, teasers,
 * topics); prefetching each one as it scrolls into view cost a phone on Lighthouse's slow network
 * 15 requests and 54 KB of the article's 271 KB. A click still navigates on the client, one round
 * trip later.
 */
export function Link(props: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={false} {...props} />
}
