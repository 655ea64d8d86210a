import { siteRoute } from '@/lib/routes/site'
import { allSitemapChunks, sitemapIndexXml } from '@/lib/seo/sitemaps'

export const revalidate = 60

/** The sitemap index: one entry per chunk under /sitemaps/. */
export async function GET() {
  const { library } = await siteRoute()
  const xml = sitemapIndexXml(library.site, allSitemapChunks(library, Date.now()))
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } })
}
