import { notFound } from 'next/navigation'
import { findCategory, getLibrary, publishedArticles } from '@/lib/content'
import { SOCIAL_CARD_SIZE, socialCard } from '@/lib/og/social-card'
import { categoryParams, parseParams } from '@/lib/params'

export const revalidate = 60

export async function generateStaticParams() {
  const library = await getLibrary()
  return library.categories.map(({ slug }) => ({ category: slug }))
}

export const size = SOCIAL_CARD_SIZE
export const contentType = 'image/png'
export const alt = 'The section’s name over its newest story’s photo'

export default async function CategorySocialImage({
  params,
}: {
  params: Promise<{ category: string }>
}) {
  const { category: slug } = await parseParams(params, categoryParams)
  const library = await getLibrary()
  const category = findCategory(library, slug)
  if (!category) notFound()
  const [newest] = publishedArticles(library, { category: slug })
  return socialCard({
    siteName: library.site.name,
    kicker: 'Section',
    title: category.name,
    detail: category.description,
    image: newest?.hero.src,
  })
}
