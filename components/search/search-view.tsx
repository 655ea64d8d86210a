'use client'

import {
  HydrationBoundary,
  keepPreviousData,
  QueryClientProvider,
  useQuery,
  type DehydratedState,
} from '@tanstack/react-query'
import { useEffect, useId, useState } from 'react'
import { Pagination } from '@/components/ui/pagination'
import { getQueryClient } from '@/lib/queries/get-query-client'
import { searchQueryOptions } from '@/lib/queries/search'
import { QUERY_MAX } from '@/lib/search/types'
import { resultSummary, SearchResults } from './search-results'

/** How long typing must pause before the results follow. */
const DEBOUNCE_MS = 250

interface Props {
  query: string
  page: number
  /** The server's results for the first render, under the same query key the island uses. */
  state: DehydratedState
  /** Why the query in the address could not be searched (too long, a bad page number). */
  error?: string
}

/**
 * The search form and its results. Without JavaScript it is a GET form and a server-rendered
 * list; with it, results follow the typing through /api/search and the address follows with
 * replaceState, so a reload or a shared link shows the same results.
 */
export function SearchView(props: Props) {
  return (
    <QueryClientProvider client={getQueryClient()}>
      <HydrationBoundary state={props.state}>
        <LiveSearch {...props} />
      </HydrationBoundary>
    </QueryClientProvider>
  )
}

function useDebounced<T>(value: T, delay: number): T {
  const [debounced, setDebounced] = useState(value)
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delay)
    return () => clearTimeout(timer)
  }, [value, delay])
  return debounced
}

function LiveSearch({ query, page: initialPage, error }: Props) {
  const [input, setInput] = useState(query)
  const typed = useDebounced(input.trim(), DEBOUNCE_MS)
  // The page from the address holds until the reader types something new.
  const page = typed === query.trim() ? initialPage : 1
  const valid = typed.length > 0 && typed.length <= QUERY_MAX
  const results = useQuery({
    ...searchQueryOptions(typed, page),
    enabled: valid,
    placeholderData: keepPreviousData,
  })
  const inputId = useId()

  useEffect(() => {
    if (typed === query.trim()) return
    const url = typed ? `/search?${new URLSearchParams({ q: typed })}` : '/search'
    window.history.replaceState(window.history.state, '', url)
  }, [typed, query])

  const data = valid ? results.data : undefined
  const status = !valid
    ? typed.length > QUERY_MAX
      ? `Search terms are limited to ${QUERY_MAX} characters.`
      : (error ?? 'Type a name, a show or a film.')
    : results.isError
      ? 'Search is not available right now. Try again in a moment.'
      : data
        ? resultSummary(data)
        : 'Searching…'

  return (
    <>
      <form
        role="search"
        aria-label="Search stories"
        action="/search"
        method="get"
        className="flex gap-2"
        onSubmit={(event) => {
          // With JavaScript the results are already live; a submit only settles the typing.
          event.preventDefault()
          setInput((value) => value.trim())
        }}
      >
        <label htmlFor={inputId} className="sr-only">
          Search stories
        </label>
        <input
          id={inputId}
          type="search"
          name="q"
          value={input}
          onChange={(event) => setInput(event.target.value)}
          maxLength={QUERY_MAX}
          autoComplete="off"
          enterKeyHint="search"
          className="min-h-11 w-full min-w-0 rounded-md border border-line bg-surface px-3 text-lg"
        />
        <button
          type="submit"
          className="min-h-11 rounded-md bg-accent px-4 font-semibold text-accent-ink"
        >
          Search
        </button>
      </form>
      <p role="status" className="mt-4 min-h-6 text-muted" aria-busy={results.isFetching}>
        {status}
      </p>
      {data && data.hits.length > 0 && (
        <div className={results.isPlaceholderData ? 'opacity-60' : undefined}>
          <SearchResults result={data} />
          <Pagination
            page={data.page}
            pageCount={data.pageCount}
            href={(n) => `/search?${new URLSearchParams({ q: data.query, page: String(n) })}`}
            label="Result pages"
            previous="← Previous"
            next="Next →"
          />
        </div>
      )}
    </>
  )
}
