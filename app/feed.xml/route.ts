import { siteRoute } from '@/lib/routes/site'
import { feedArticles, heroSizes, RSS_CONTENT_TYPE, rssFeedXml } from '@/lib/seo/feeds'

export const revalidate = 60

/** RSS of the newest stories across the site. */
export async function GET() {
  const { library } = await siteRoute()
  const articles = feedArticles(library, Date.now())
  const xml = rssFeedXml(library, articles, { heroBytes: await heroSizes(articles) })
  return new Response(xml, { headers: { 'Content-Type': RSS_CONTENT_TYPE } })
}
