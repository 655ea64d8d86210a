import { formatDate, joinNames } from '@/lib/format'
import { SOCIAL_CARD_SIZE, socialCard } from '@/lib/og/social-card'
import { articleStaticParams, PRERENDER } from '@/lib/prerender'
import { articleRoute } from '@/lib/routes/article'

export const revalidate = 60

export async function generateStaticParams() {
  return articleStaticParams(PRERENDER.articleCards)
}

export const size = SOCIAL_CARD_SIZE
export const contentType = 'image/png'
export const alt = 'The story’s headline over its lead photo'

/**
 * The page's own rules: a draft's card is drawn only for an editor in preview (Next then serves
 * it uncached), and a moved address has no card.
 */
export default async function ArticleSocialImage({
  params,
}: {
  params: Promise<{ category: string; slug: string }>
}) {
  const { library, article } = await articleRoute.image(params)
  const authors = article.authors.map((author) => library.authorBySlug.get(author)?.name ?? author)
  return socialCard({
    siteName: library.site.name,
    kicker: library.categoryBySlug.get(article.category)?.name ?? article.category,
    title: article.title,
    detail: `By ${joinNames(authors)} · ${formatDate(article.publishedAt, library.site.timeZone)}`,
    image: article.hero.src,
  })
}
