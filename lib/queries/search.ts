import { queryOptions } from '@tanstack/react-query'
import type { SearchPage } from '@/lib/search/types'

export class SearchFetchError extends Error {
  readonly code = 'SEARCH_FETCH_FAILED'

  constructor(readonly status: number) {
    super(`Search failed (HTTP ${status})`)
    this.name = 'SearchFetchError'
  }
}

/** One page of results for a query; the server page seeds the same key for the first render. */
export function searchQueryOptions(q: string, page: number) {
  return queryOptions({
    queryKey: ['search', q, page],
    queryFn: async ({ signal }): Promise<SearchPage> => {
      const params = new URLSearchParams({ q, page: String(page) })
      const response = await fetch(`/api/search?${params}`, { signal })
      if (!response.ok) throw new SearchFetchError(response.status)
      return (await response.json()) as SearchPage
    },
  })
}
