import { dehydrate } from '@tanstack/react-query'
import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { SearchView } from '@/components/search/search-view'
import { getQueryClient } from '@/lib/queries/get-query-client'
import { searchQueryOptions } from '@/lib/queries/search'
import { searchRoute } from '@/lib/routes/search'
import { parseSearchParams } from '@/lib/search/query'

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>
}

/** Results pages are for readers, not for search engines' indexes. */
const NOINDEX: Metadata['robots'] = { index: false, follow: true }

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const parsed = parseSearchParams(await searchParams)
  return {
    title: parsed.success ? `Search: ${parsed.data.q}` : 'Search',
    robots: NOINDEX,
    alternates: { canonical: '/search' },
  }
}

/**
 * `/search?q=luke&page=2`: ranked results rendered on the server, so the page works without
 * JavaScript; the island then keeps them live while the reader types.
 */
export default async function SearchPage({ searchParams }: Props) {
  const params = await searchParams
  const raw = [params.q].flat()[0]?.trim() ?? ''
  const parsed = parseSearchParams(params)
  const queryClient = getQueryClient()
  let error: string | undefined
  if (parsed.success) {
    const { q, page } = parsed.data
    const result = await searchRoute(q, page)
    if (page > result.pageCount) notFound()
    queryClient.setQueryData(searchQueryOptions(q, page).queryKey, result)
  } else if (raw) {
    // A page number that is not one is a wrong address; a query too long is the reader's to fix.
    if (parsed.error.issues.some((issue) => issue.path[0] === 'page')) notFound()
    error = parsed.error.issues.map((issue) => issue.message).join('; ')
  }
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="mb-4 font-serif text-3xl font-black">Search</h1>
      <SearchView
        query={parsed.success ? parsed.data.q : raw}
        page={parsed.success ? parsed.data.page : 1}
        state={dehydrate(queryClient)}
        error={error}
      />
    </div>
  )
}
