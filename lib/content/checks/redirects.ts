import type { LoadedArticle } from '../loaders/articles'
import type { LoadContext, Report } from '../loaders/context'
import { RESERVED_ARTICLE_SLUGS } from '../loaders/reserved'
import type { TombstoneFile } from '../loaders/tombstones'
import { TOMBSTONE_FILE } from '../tombstones'
import type { Article, Library } from '../types'

/**
 * Records `old → target` in `redirects`, or says why it cannot be: a redirect from its own slug
 * would loop, one from a live page would hide it, one from a reserved slug never arrives, and a
 * slug can lead to one place only.
 */
export function claimRedirect(
  redirects: Map<string, string>,
  old: string,
  target: string,
  rules: { own: string; live: string | false; reserved: Set<string>; kind: string },
): string | undefined {
  const owner = redirects.get(old)
  const problem =
    old === target
      ? `${rules.own}: the redirect would loop`
      : rules.live
        ? `${rules.live}: the redirect would hide it`
        : rules.reserved.has(old)
          ? `"${old}" is reserved for a fixed route and never reaches a ${rules.kind}`
          : owner
            ? `"${old}" already redirects to "${owner}"`
            : undefined
  if (!problem) redirects.set(old, target)
  return problem
}

/** Old slugs that lead to their story; a slug claimed twice, or still in use, is an error. */
export function collectRedirects(
  articles: LoadedArticle[],
  current: Map<string, Article>,
  report: Report,
): Map<string, string> {
  const redirects = new Map<string, string>()
  for (const { article, source } of articles) {
    article.redirectFrom.forEach((old, index) => {
      const field = ['redirectFrom', index]
      const problem = claimRedirect(redirects, old, article.slug, {
        own: 'a story cannot redirect from its own slug',
        live: current.has(old) && `"${old}" is the slug of a live story (articles/${old}.md)`,
        reserved: RESERVED_ARTICLE_SLUGS,
        kind: 'story',
      })
      if (problem) {
        report({
          file: article.file,
          line: source.lineOf(field),
          field: field.join('.'),
          message: problem,
        })
      }
    })
  }
  return redirects
}

/** A tombstone must not cover a story that is still live. */
export function checkTombstones(
  ctx: LoadContext,
  library: Library,
  { source, value }: TombstoneFile,
) {
  const live = new Set(library.articles.map((article) => article.url))
  value?.forEach((tombstone, index) => {
    if (!live.has(tombstone.path)) return
    const field = [index, 'path']
    ctx.report({
      file: TOMBSTONE_FILE,
      line: source.lineOf(field),
      field: field.join('.'),
      message: `${tombstone.path} is a live story; remove its file before its tombstone`,
    })
  })
}
