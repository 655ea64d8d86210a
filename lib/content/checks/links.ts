import type { Article } from '../types'
import type { Known, ReferenceIssue } from './references'

export type LinkProblem = Pick<ReferenceIssue, 'message' | 'hint' | 'severity'>

/**
 * Checks that a link inside the site leads to a page a reader can open when the linking story
 * is out: not a missing page, not a draft, not a story that comes out later, not a removed one.
 * External links pass.
 */
export function internalLinkProblem(
  href: string,
  from: Article,
  known: Known,
  now: number,
): LinkProblem | undefined {
  if (!href.startsWith('/') || href.startsWith('//')) return undefined
  const pathname = href.split(/[?#]/)[0] ?? ''
  const parts = pathname.split('/').filter(Boolean)
  const [first, second, third] = parts
  const broken = { message: `link ${href} leads to no page` }
  const live = (target: { draft: boolean; publishedTime: number; publishedAt: string }) =>
    target.draft && !from.draft
      ? {
          message: `link ${href} leads to a draft, which readers cannot open`,
          hint: 'Publish the linked story first, or link it once it is out.',
        }
      : !target.draft && !from.draft && target.publishedTime > Math.max(now, from.publishedTime)
        ? {
            message: `link ${href} leads to a story scheduled for ${target.publishedAt}, after this one comes out: it answers 404 until then`,
            hint: 'Schedule this story after the one it links to.',
            severity: 'warning' as const,
          }
        : undefined
  if (!first) return undefined
  if (known.removed.has(pathname.replace(/\/+$/, ''))) {
    return {
      message: `link ${href} leads to a story taken down in removed.yaml (410 Gone)`,
      hint: 'Remove the link or point it at another story.',
    }
  }
  if (first === 'gallery') {
    const gallery = second ? known.galleryBySlug.get(second) : undefined
    if (!gallery || parts.length > 3) return broken
    if (
      third !== undefined &&
      !(/^[1-9]\d*$/.test(third) && Number(third) <= gallery.slides.length)
    )
      return broken
    return live(gallery)
  }
  if (first === 'author')
    return second && known.authorBySlug.has(second) && !third ? undefined : broken
  if (first === 'topic')
    return second && known.topicBySlug.has(second) && !third ? undefined : broken
  if (first === 'search' || first === 'images') return undefined
  const section = known.categoryRedirects.get(first)
  if (section) {
    return {
      message: `link ${href} uses the old section address /${first}`,
      hint: `Link /${[section, ...parts.slice(1)].join('/')} instead: it saves readers a redirect.`,
      severity: 'warning',
    }
  }
  if (!known.categoryBySlug.has(first)) return broken
  if (!second || second === 'page' || second === 'feed.xml') return undefined
  const moved = known.redirects.get(second)
  const article = known.articleBySlug.get(moved ?? second)
  if (!article || third) return broken
  if (moved || article.category !== first) {
    return {
      message: `link ${href} uses an old address of ${article.url}`,
      hint: `Link ${article.url} instead: it saves readers a redirect.`,
      severity: 'warning',
    }
  }
  return live(article)
}
