/**
 * Per-library lists of articles by category, topic and author (every article, newest first, in
 * the library's order), built once per loaded library. A hub, a rail or a sitemap then walks the
 * stories it lists instead of the whole library: at 100,000 stories and 4,000 topics, listing
 * every topic's pages went from one pass over the library per topic to one pass in all.
 */
import type { Article, Library } from './types'

export interface ArticleLists {
  byCategory: Map<string, Article[]>
  byTopic: Map<string, Article[]>
  byAuthor: Map<string, Article[]>
  /** Stories by format (list, review, live); plain stories are not listed here. */
  byFormat: Map<string, Article[]>
  /** Each article's position in `library.articles`. */
  position: Map<Article, number>
}

const lists = new WeakMap<Library, ArticleLists>()

function push(map: Map<string, Article[]>, key: string, article: Article) {
  const list = map.get(key)
  if (list) list.push(article)
  else map.set(key, [article])
}

export function articleLists(library: Library): ArticleLists {
  let found = lists.get(library)
  if (!found) {
    found = {
      byCategory: new Map(),
      byTopic: new Map(),
      byAuthor: new Map(),
      byFormat: new Map(),
      position: new Map(),
    }
    for (const [index, article] of library.articles.entries()) {
      found.position.set(article, index)
      push(found.byCategory, article.category, article)
      if (article.format !== 'story') push(found.byFormat, article.format, article)
      // A story that names a topic or an author twice is listed once.
      new Set(article.topics).forEach((topic) => push(found!.byTopic, topic, article))
      new Set(article.authors).forEach((author) => push(found!.byAuthor, author, article))
    }
    lists.set(library, found)
  }
  return found
}

/** The shortest list that holds every article matching the filter (all of them without one). */
export function candidatesFor(
  library: Library,
  filter: { category?: string; topic?: string; author?: string; format?: string },
): Article[] {
  const { byCategory, byTopic, byAuthor, byFormat } = articleLists(library)
  const options = [
    filter.category ? (byCategory.get(filter.category) ?? []) : undefined,
    filter.topic ? (byTopic.get(filter.topic) ?? []) : undefined,
    filter.author ? (byAuthor.get(filter.author) ?? []) : undefined,
    filter.format && filter.format !== 'story' ? (byFormat.get(filter.format) ?? []) : undefined,
  ].filter((list) => list !== undefined)
  return (
    options.reduce<Article[] | undefined>(
      (shortest, list) => (!shortest || list.length < shortest.length ? list : shortest),
      undefined,
    ) ?? library.articles
  )
}
