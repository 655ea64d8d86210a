import { badRequest } from '@/lib/api/bad-request'
import { getLibrary, type Library } from '@/lib/content'
import { livePayload, liveRequestSchema, type LivePayload } from '@/lib/live-payload'

/** A few seconds: every reader polling at once costs one lookup, and new entries still show fast. */
const FRESH_MS = 5_000
const CACHE_CONTROL = 'public, max-age=5, s-maxage=5'

const answers = new Map<
  string,
  { at: number; library: Library; payload: LivePayload | undefined }
>()

/** New entries of a live story: `GET /api/live/<slug>?since=<ISO 8601 date-time>`. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const url = new URL(request.url)
  const parsed = liveRequestSchema.safeParse({
    slug: (await params).slug,
    since: url.searchParams.get('since') ?? undefined,
  })
  if (!parsed.success) return badRequest(parsed.error)
  const { slug, since } = parsed.data
  const library = await getLibrary()
  const key = `${slug}\n${since ?? ''}`
  const now = Date.now()
  let hit = answers.get(key)
  if (!hit || hit.library !== library || now - hit.at > FRESH_MS) {
    hit = { at: now, library, payload: livePayload(library, slug, since, now) }
    // Old answers go first; a reader's `since` is one of the story's few entry times.
    if (answers.size >= 500) answers.delete(answers.keys().next().value as string)
    answers.set(key, hit)
  }
  if (!hit.payload) return Response.json({ error: 'not_found', slug }, { status: 404 })
  return Response.json(hit.payload, { headers: { 'Cache-Control': CACHE_CONTROL } })
}
