import { badRequest } from '@/lib/api/bad-request'
import { searchRoute } from '@/lib/routes/search'
import { parseSearchParams } from '@/lib/search/query'

/**
 * Live search results as JSON for the search page's island: `/api/search?q=luke&page=1`.
 * A missing, empty or too long `q` or a bad `page` answers 400 with the reason.
 */
export async function GET(request: Request) {
  const parsed = parseSearchParams(new URL(request.url).searchParams)
  if (!parsed.success) return badRequest(parsed.error)
  return Response.json(await searchRoute(parsed.data.q, parsed.data.page), {
    headers: { 'Cache-Control': 'public, s-maxage=60, stale-while-revalidate=300' },
  })
}
