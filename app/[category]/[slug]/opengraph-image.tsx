import { notFound } from 'next/navigation'
import { findArticle, getLibrary } from '@/lib/content'
import { formatDate, joinNames } from '@/lib/format'
import { SOCIAL_CARD_SIZE, socialCard } from '@/lib/og/social-card'
import { articleParams, parseParams } from '@/lib/params'
import { newestArticles, PRERENDER } from '@/lib/prerender'

export const revalidate = 60

export async function generateStaticParams() {
  const library = await getLibrary()
  return newestArticles(library, PRERENDER.articleCards).map(({ category, slug }) => ({
    category,
    slug,
  }))
}

export const size = SOCIAL_CARD_SIZE
export const contentType = 'image/png'
export const alt = 'The story’s headline over its lead photo'

export default async function ArticleSocialImage({
  params,
}: {
  params: Promise<{ category: string; slug: string }>
}) {
  const { slug } = await parseParams(params, articleParams)
  const library = await getLibrary()
  const article = findArticle(library, slug)
  if (!article) notFound()
  const authors = article.authors.map((author) => library.authorBySlug.get(author)?.name ?? author)
  return socialCard({
    siteName: library.site.name,
    kicker: library.categoryBySlug.get(article.category)?.name ?? article.category,
    title: article.title,
    detail: `By ${joinNames(authors)} · ${formatDate(article.publishedAt, library.site.timeZone)}`,
    image: article.hero.src,
  })
}
