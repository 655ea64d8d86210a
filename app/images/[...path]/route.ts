import { z } from 'zod'
import { CROPS, readContentImage, renderImage } from '@/lib/content'

const segments = z
  .array(z.string().regex(/^[a-z0-9][a-z0-9_.-]*$/))
  .min(1)
  .max(8)
const cropSchema = z.enum(Object.keys(CROPS) as [keyof typeof CROPS, ...(keyof typeof CROPS)[]])

const notFound = () =>
  new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain' } })

/**
 * Serves the content library's images/ folder: the source files next/image optimizes, and
 * `?crop=16x9|4x3|1x1` versions 1200 px wide for structured data.
 */
export async function GET(request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  const parsed = segments.safeParse((await params).path)
  if (!parsed.success) return notFound()
  const urlPath = `/images/${parsed.data.join('/')}`
  const cropParam = new URL(request.url).searchParams.get('crop')
  const headers = {
    'Cache-Control': 'public, max-age=3600, stale-while-revalidate=86400',
    'X-Content-Type-Options': 'nosniff',
  }

  if (cropParam !== null) {
    const crop = cropSchema.safeParse(cropParam)
    if (!crop.success) {
      return new Response(`crop must be one of ${Object.keys(CROPS).join(', ')}`, {
        status: 400,
        headers: { 'Content-Type': 'text/plain' },
      })
    }
    const [width, height] = CROPS[crop.data]
    const body = await renderImage(urlPath, { width, height })
    if (!body) return notFound()
    return new Response(new Uint8Array(body), {
      headers: { ...headers, 'Content-Type': 'image/webp' },
    })
  }

  const image = await readContentImage(urlPath)
  if (!image) return notFound()
  return new Response(new Uint8Array(image.body), {
    headers: { ...headers, 'Content-Type': image.type },
  })
}
