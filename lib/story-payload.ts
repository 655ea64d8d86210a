import { z } from 'zod'
import { toArticleStory, type ArticleStory } from '@/lib/article-story'
import { findArticle, resolveNext, type Library } from '@/lib/content'
import { slugSchema } from '@/lib/content/schema'

/** The next story as the "Next:" link shows it. */
export interface NextStoryTarget {
  slug: string
  url: string
  title: string
}

/** What /api/stories/[slug] answers: a story to append, and where reading goes after it. */
export interface StoryPayload {
  story: ArticleStory
  next: NextStoryTarget | null
}

/** At most this many stories in one continuous-reading session. */
export const MAX_EXCLUDED = 20

export const storyRequestSchema = z.object({
  slug: slugSchema,
  exclude: z
    .string()
    .optional()
    .transform((value) => (value ? value.split(',') : []))
    .pipe(z.array(slugSchema).max(MAX_EXCLUDED)),
})

export function toNextStoryTarget(article: {
  slug: string
  url: string
  title: string
}): NextStoryTarget {
  return { slug: article.slug, url: article.url, title: article.title }
}

/** The story and its next one, skipping stories the reader has already been shown. */
export function storyPayload(
  library: Library,
  slug: string,
  exclude: readonly string[],
  now = Date.now(),
): StoryPayload | undefined {
  const article = findArticle(library, slug, { now: now })
  if (!article) return undefined
  const next = resolveNext(library, article, { exclude: new Set(exclude), now })
  return {
    story: toArticleStory(library, article, now),
    next: next ? toNextStoryTarget(next) : null,
  }
}
