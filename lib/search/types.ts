/** What search shares with the browser: limits and the JSON shape, and nothing of the index. */
import type { Segment } from './highlight'

export const RESULTS_PER_PAGE = 10
/** The longest query, in characters, that /search and /api/search accept. */
export const QUERY_MAX = 200

export interface SearchHit {
  url: string
  title: Segment[]
  section: string
  date: string
  publishedAt: string
  snippet: Segment[]
}

export interface SearchPage {
  query: string
  hits: SearchHit[]
  total: number
  page: number
  pageCount: number
}
