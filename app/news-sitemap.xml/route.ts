import { siteRoute } from '@/lib/routes/site'
import { newsSitemapXml } from '@/lib/seo/sitemaps'

export const revalidate = 60

/** The Google News sitemap: stories of the last 48 hours. */
export async function GET() {
  const xml = newsSitemapXml((await siteRoute()).library, Date.now())
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } })
}
