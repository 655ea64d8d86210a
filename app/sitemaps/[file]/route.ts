import { z } from 'zod'
import { pageNumberSchema } from '@/lib/params'
import { siteRoute } from '@/lib/routes/site'
import { SITEMAP_KINDS, sitemapChunks } from '@/lib/seo/sitemaps'

export const revalidate = 60

/** `articles-1.xml` → { kind: 'articles', n: 1 }; anything else fails. */
const fileSchema = z
  .string()
  .regex(/^[a-z]+-\d+\.xml$/)
  .transform((file) => file.slice(0, -'.xml'.length).split('-'))
  .pipe(z.tuple([z.enum(SITEMAP_KINDS), pageNumberSchema]))
  .transform(([kind, n]) => ({ kind, n }))

/** Chunks render on their first request (a crawler's), then are cached: none at build. */
export async function generateStaticParams(): Promise<{ file: string }[]> {
  return []
}

const notFound = () =>
  new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain' } })

/** One chunk of the sitemap, as listed by /sitemap.xml; unknown files are a 404. */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const parsed = fileSchema.safeParse((await params).file)
  if (!parsed.success) return notFound()
  const { kind, n } = parsed.data
  const chunk = sitemapChunks((await siteRoute()).library, kind, Date.now())[n - 1]
  if (!chunk) return notFound()
  return new Response(chunk.xml, {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  })
}
