import { badRequest } from '@/lib/api/bad-request'
import { storyRoute } from '@/lib/routes/story'
import { storyRequestSchema } from '@/lib/story-payload'

/** Matches the pages' revalidation: a minute fresh, then served stale while it refreshes. */
const CACHE_CONTROL = 'public, max-age=0, s-maxage=60, stale-while-revalidate=300'

/** A story for continuous reading: `GET /api/stories/<slug>?exclude=<slug>,<slug>`. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const url = new URL(request.url)
  const parsed = storyRequestSchema.safeParse({
    slug: (await params).slug,
    exclude: url.searchParams.get('exclude') ?? undefined,
  })
  if (!parsed.success) return badRequest(parsed.error)
  const payload = await storyRoute(parsed.data.slug, parsed.data.exclude)
  if (!payload) {
    return Response.json({ error: 'not_found', slug: parsed.data.slug }, { status: 404 })
  }
  return Response.json(payload, { headers: { 'Cache-Control': CACHE_CONTROL } })
}
