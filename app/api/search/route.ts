import { badRequest } from '@/lib/api/bad-request'
import { getLibrary } from '@/lib/content'
import { parseSearchParams } from '@/lib/search/query'
import { searchLibrary } from '@/lib/search/search'

/**
 * Live search results as JSON for the search page's island: `/api/search?q=luke&page=1`.
 * A missing, empty or too long `q` or a bad `page` answers 400 with the reason.
 */
export async function GET(request: Request) {
  const parsed = parseSearchParams(new URL(request.url).searchParams)
  if (!parsed.success) return badRequest(parsed.error)
  const library = await getLibrary()
  return Response.json(await searchLibrary(library, parsed.data.q, parsed.data.page), {
    headers: { 'Cache-Control': 'public, s-maxage=60, stale-while-revalidate=300' },
  })
}
