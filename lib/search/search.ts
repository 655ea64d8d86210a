import MiniSearch, { type SearchResult } from 'minisearch'
import { bodyText, isPublished, type Article, type Library } from '@/lib/content'
import { formatDate } from '@/lib/format'
import { excerpt, highlight, normalizeTerm } from './highlight'
import { RESULTS_PER_PAGE, type SearchHit, type SearchPage } from './types'

export { QUERY_MAX, RESULTS_PER_PAGE, type SearchHit, type SearchPage } from './types'

interface Doc {
  id: string
  title: string
  dek: string
  body: string
  topics: string
}

/** The headline counts most, then the dek, then the story itself. */
const BOOST = { title: 3, dek: 2, topics: 1.5, body: 1 }

async function createIndex(library: Library): Promise<MiniSearch<Doc>> {
  const index = new MiniSearch<Doc>({
    fields: ['title', 'dek', 'topics', 'body'],
    processTerm: (term) => normalizeTerm(term) || null,
    searchOptions: {
      boost: BOOST,
      prefix: true,
      // One typo in words of four letters or more, two in words of eight or more.
      fuzzy: (term) => (term.length >= 8 ? 2 : term.length >= 4 ? 1 : 0),
    },
  })
  // Drafts are never searchable; scheduled stories are indexed and filtered by time per query,
  // so they appear the moment they are published without a rebuild of the index.
  const articles = library.articles.filter((article) => !article.draft)
  // In batches: the bodies are read from their files, a few hundred at a time.
  for (let start = 0; start < articles.length; start += 256) {
    const batch = articles.slice(start, start + 256)
    const bodies = await Promise.all(batch.map((article) => bodyText(library, article)))
    index.addAll(
      batch.map((article, i) => ({
        id: article.slug,
        title: article.title,
        dek: article.dek,
        body: bodies[i] ?? '',
        topics: article.topics.map((slug) => library.topicBySlug.get(slug)?.name ?? slug).join(' '),
      })),
    )
  }
  return index
}

/** One index per loaded library: built on the first search, rebuilt when the content changes. */
const indexes = new WeakMap<Library, Promise<MiniSearch<Doc>>>()

function indexOf(library: Library): Promise<MiniSearch<Doc>> {
  let index = indexes.get(library)
  if (!index) {
    index = createIndex(library)
    indexes.set(library, index)
    index.catch(() => indexes.delete(library))
  }
  return index
}

/**
 * Ranked, paginated results for a query: every word must match (prefix and typo tolerant); if
 * that finds nothing, any word may. A page past the last has no hits.
 */
export async function searchLibrary(
  library: Library,
  query: string,
  page = 1,
  now = Date.now(),
): Promise<SearchPage> {
  const index = await indexOf(library)
  const live = (result: SearchResult) => {
    const article = library.articleBySlug.get(String(result.id))
    return article !== undefined && isPublished(article, now)
  }
  let results = index.search(query, { combineWith: 'AND', filter: live })
  if (!results.length) results = index.search(query, { combineWith: 'OR', filter: live })
  const pageCount = Math.max(1, Math.ceil(results.length / RESULTS_PER_PAGE))
  const hits = await Promise.all(
    results
      .slice((page - 1) * RESULTS_PER_PAGE, page * RESULTS_PER_PAGE)
      .map((result) => toHit(library, library.articleBySlug.get(String(result.id))!, result)),
  )
  return { query, hits, total: results.length, page, pageCount }
}

async function toHit(library: Library, article: Article, result: SearchResult): Promise<SearchHit> {
  // The words of this story that matched, as the index stored them (typo-corrected, prefixes
  // completed), so "luk" and "lukr" both highlight "Luke".
  const terms = new Set(result.terms)
  return {
    url: article.url,
    title: highlight(article.title, terms),
    section: library.categoryBySlug.get(article.category)?.name ?? article.category,
    date: formatDate(article.publishedAt, library.site.timeZone),
    publishedAt: article.publishedAt,
    snippet:
      excerpt(await bodyText(library, article), terms) ??
      excerpt(article.dek, terms) ??
      highlight(article.dek, terms),
  }
}
