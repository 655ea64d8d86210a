import { isPublished } from './publishing'
import type { Article, Library } from './types'

export interface RelatedPick {
  article: Article
  score: number
  /** Shown on the teaser, e.g. "More on Luke Cage". */
  reason: string
}

const DAY_MS = 86_400_000
/** Two stories this many days apart count half as related as two published together. */
const HALF_LIFE_DAYS = 45
const EDITOR_PICK_SCORE = 1_000

/**
 * Ranks published stories by how related they are to `article`: the editor's `related` picks
 * first, then shared topics (rarer topics weigh more), then the same category, all decayed by
 * the distance in time between the two stories.
 */
export function relatedArticles(
  library: Library,
  article: Article,
  options: { limit?: number; exclude?: ReadonlySet<string>; now?: number } = {},
): RelatedPick[] {
  const { limit = 4, exclude = new Set(), now = Date.now() } = options
  const candidates = library.articles.filter(
    (other) => other.slug !== article.slug && !exclude.has(other.slug) && isPublished(other, now),
  )
  const topicWeight = topicWeights(candidates.concat(article))
  const category = library.categoryBySlug.get(article.category)

  const picks = candidates.flatMap((other): RelatedPick[] => {
    const shared = other.topics
      .filter((topic) => article.topics.includes(topic))
      .sort((a, b) => (topicWeight.get(b) ?? 0) - (topicWeight.get(a) ?? 0))
    const topicScore = shared.reduce((sum, topic) => sum + (topicWeight.get(topic) ?? 0), 0)
    const sameCategory = other.category === article.category
    const editorIndex = article.related.indexOf(other.slug)
    if (editorIndex < 0 && !topicScore && !sameCategory) return []

    const days = Math.abs(article.publishedTime - other.publishedTime) / DAY_MS
    const decay = 0.5 ** (days / HALF_LIFE_DAYS)
    const base = 2 * topicScore + (sameCategory ? 1 : 0)
    const score =
      (editorIndex >= 0 ? EDITOR_PICK_SCORE - editorIndex : 0) + base * (0.5 + 0.5 * decay)
    const [bestTopic] = shared
    const topicName = bestTopic ? library.topicBySlug.get(bestTopic)?.name : undefined
    const reason = topicName
      ? `More on ${topicName}`
      : sameCategory && category
        ? `More in ${category.name}`
        : 'Related'
    return [{ article: other, score, reason }]
  })
  // The editor's picks lead in the editor's order, however strong an automatic match is.
  const editorRank = (pick: RelatedPick) => {
    const index = article.related.indexOf(pick.article.slug)
    return index < 0 ? article.related.length : index
  }
  return picks
    .sort(
      (a, b) =>
        editorRank(a) - editorRank(b) ||
        b.score - a.score ||
        b.article.publishedTime - a.article.publishedTime,
    )
    .slice(0, limit)
}

/** Weight of each topic: 1 + ln(stories / stories with the topic), so niche topics count more. */
function topicWeights(articles: Article[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const article of articles) {
    for (const topic of article.topics) counts.set(topic, (counts.get(topic) ?? 0) + 1)
  }
  return new Map(
    [...counts].map(([topic, count]) => [topic, 1 + Math.log(articles.length / count)]),
  )
}

/**
 * The story that "Next:" leads to: the editor's `next` when it is published, otherwise the
 * best related story. Never the article itself, and never one in `exclude` (stories the reader
 * has already been shown).
 */
export function resolveNext(
  library: Library,
  article: Article,
  options: { exclude?: ReadonlySet<string>; now?: number } = {},
): Article | undefined {
  const { exclude = new Set(), now = Date.now() } = options
  const pick = article.next ? library.articleBySlug.get(article.next) : undefined
  if (pick && pick.slug !== article.slug && !exclude.has(pick.slug) && isPublished(pick, now)) {
    return pick
  }
  return relatedArticles(library, article, { limit: 1, exclude, now })[0]?.article
}
