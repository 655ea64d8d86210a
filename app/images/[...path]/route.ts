import { z } from 'zod'
import { readContentImage } from '@/lib/content'

const segments = z
  .array(z.string().regex(/^[a-z0-9][a-z0-9_.-]*$/))
  .min(1)
  .max(8)

/** Serves the content library's images/ folder (the source files next/image optimizes). */
export async function GET(_request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  const parsed = segments.safeParse((await params).path)
  const image = parsed.success
    ? await readContentImage(`/images/${parsed.data.join('/')}`)
    : undefined
  if (!image)
    return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain' } })
  return new Response(new Uint8Array(image.body), {
    headers: {
      'Content-Type': image.type,
      'Cache-Control': 'public, max-age=3600, stale-while-revalidate=86400',
      'X-Content-Type-Options': 'nosniff',
    },
  })
}
