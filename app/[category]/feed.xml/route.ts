import { findCategory, getLibrary, movedCategory } from '@/lib/content'
import { categoryParams } from '@/lib/params'
import { feedArticles, heroSizes, RSS_CONTENT_TYPE, rssFeedXml } from '@/lib/seo/feeds'

export const revalidate = 60

export async function generateStaticParams() {
  const library = await getLibrary()
  return library.categories.map((category) => ({ category: category.slug }))
}

/** RSS of one category's newest stories; an unknown category is a 404. */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ category: string }> },
) {
  const parsed = categoryParams.safeParse(await params)
  const library = await getLibrary()
  const category = parsed.success ? findCategory(library, parsed.data.category) : undefined
  const moved = parsed.success && !category && movedCategory(library, parsed.data.category)
  if (moved)
    return new Response(null, { status: 308, headers: { Location: `${moved.url}/feed.xml` } })
  if (!category) {
    return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain' } })
  }
  const articles = feedArticles(library, Date.now(), category)
  const xml = rssFeedXml(library, articles, { category, heroBytes: await heroSizes(articles) })
  return new Response(xml, { headers: { 'Content-Type': RSS_CONTENT_TYPE } })
}
