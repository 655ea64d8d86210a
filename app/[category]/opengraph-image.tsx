import { SOCIAL_CARD_SIZE, socialCard } from '@/lib/og/social-card'
import { categoryStaticParams } from '@/lib/prerender'
import { categoryRoute } from '@/lib/routes/hubs'

export const revalidate = 60

export async function generateStaticParams() {
  return categoryStaticParams()
}

export const size = SOCIAL_CARD_SIZE
export const contentType = 'image/png'
export const alt = 'The section’s name over its newest story’s photo'

export default async function CategorySocialImage({
  params,
}: {
  params: Promise<{ category: string }>
}) {
  const { site, hub: category, stories } = await categoryRoute.image(params)
  const [newest] = stories.items
  return socialCard({
    siteName: site.name,
    kicker: 'Section',
    title: category.name,
    detail: category.description,
    image: newest?.hero.src,
  })
}
