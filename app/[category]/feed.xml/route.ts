import { categoryStaticParams } from '@/lib/prerender'
import { categoryRoute } from '@/lib/routes/hubs'
import { siteRoute } from '@/lib/routes/site'
import { feedArticles, heroSizes, RSS_CONTENT_TYPE, rssFeedXml } from '@/lib/seo/feeds'

export const revalidate = 60

export async function generateStaticParams() {
  return categoryStaticParams()
}

/** RSS of one category's newest stories; a renamed category's feed moves with it. */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ category: string }> },
) {
  const outcome = await categoryRoute.lookup(params)
  if ('movedTo' in outcome) {
    return new Response(null, { status: 308, headers: { Location: `${outcome.movedTo}/feed.xml` } })
  }
  if ('missing' in outcome) {
    return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain' } })
  }
  const category = outcome.found.hub
  const { library } = await siteRoute()
  const articles = feedArticles(library, Date.now(), category)
  const xml = rssFeedXml(library, articles, { category, heroBytes: await heroSizes(articles) })
  return new Response(xml, { headers: { 'Content-Type': RSS_CONTENT_TYPE } })
}
