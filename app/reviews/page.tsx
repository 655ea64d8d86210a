import type { Metadata } from 'next'
import { ReviewsHub } from '@/components/hubs/reviews-hub'
import { reviewsRoute } from '@/lib/routes/hubs'
import { pageMetadata } from '@/lib/seo/metadata'

export const revalidate = 60

export async function generateMetadata(): Promise<Metadata> {
  const { site, hub } = await reviewsRoute()
  return pageMetadata(site, { title: hub.name, description: hub.description, path: hub.url })
}

export default async function ReviewsPage() {
  const { site, hub, stories, galleries } = await reviewsRoute()
  return <ReviewsHub hub={hub} stories={stories} galleries={galleries} timeZone={site.timeZone} />
}
