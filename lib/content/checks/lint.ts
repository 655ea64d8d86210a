/** The editorial lint: what hurts readers and crawlers without making a story unpublishable. */
import type { Severity } from '../errors'
import type { LoadContext } from '../loaders/context'
import type { YamlSource } from '../parse'
import { DEK_TODO, type ArticleInput } from '../schema'
import type { ContentImage } from '../types'

/** Headlines longer than this are cut off in search results and news carousels. */
export const HEADLINE_MAX = 110
/** Heroes narrower than this get no large preview in search and social cards. */
export const HERO_MIN_WIDTH = 1200
/** A publishedAt further ahead than this is usually a typo, unless the story says why. */
export const SCHEDULE_HORIZON_DAYS = 30

/** A story or gallery out of draft whose dek is still the one `npm run new` wrote. */
export function checkDek(
  ctx: LoadContext,
  file: string,
  source: YamlSource,
  value: { draft: boolean; dek: string },
) {
  if (value.draft || value.dek !== DEK_TODO) return
  ctx.report({
    file,
    line: source.lineOf(['dek']),
    field: 'dek',
    message: 'the dek is still the TODO that `npm run new` wrote',
    hint: 'Write the dek, or keep `draft: true` until it is done.',
  })
}

export function lintArticle(
  ctx: LoadContext,
  file: string,
  source: YamlSource,
  value: ArticleInput,
  hero: ContentImage,
  wordCount: number,
) {
  const report = (field: string, message: string, hint: string, severity: Severity) =>
    ctx.report({ file, line: source.lineOf(field.split('.')), field, message, hint }, severity)
  if (hero.width < HERO_MIN_WIDTH) {
    report(
      'hero.image',
      `hero image ${hero.src} is ${hero.width} px wide; it must be at least ${HERO_MIN_WIDTH} px`,
      `Search engines and social networks show a large preview only for images ${HERO_MIN_WIDTH} px wide or more. Use a larger export of the photo.`,
      'error',
    )
  }
  checkDek(ctx, file, source, value)
  if (!value.draft && wordCount === 0) {
    report(
      'draft',
      'the story has no text and is not a draft',
      'Write the story below the frontmatter, or set `draft: true`.',
      'error',
    )
  }
  if (value.title.length > HEADLINE_MAX) {
    report(
      'title',
      `headline is ${value.title.length} characters; over ${HEADLINE_MAX} is cut off in search results and news carousels`,
      'Move detail into the dek and keep the headline to the news.',
      'warning',
    )
  }
  const ahead = (Date.parse(value.publishedAt) - ctx.now) / 86_400_000
  if (ahead > SCHEDULE_HORIZON_DAYS && !value.embargo) {
    report(
      'publishedAt',
      `publishedAt is ${Math.round(ahead)} days in the future`,
      'Check the year. If the story really waits that long, say why in `embargo:` (e.g. "Under embargo until the premiere").',
      'warning',
    )
  }
}
