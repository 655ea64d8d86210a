import type { Metadata } from 'next'
import { ReviewsHub } from '@/components/hubs/reviews-hub'
import { pagedUrl } from '@/lib/hubs'
import { reviewsPageRoute } from '@/lib/routes/hubs'
import { pageMetadata } from '@/lib/seo/metadata'

export const revalidate = 60

/** Numbered pages render on their first request, then are cached (see lib/prerender.ts). */
export async function generateStaticParams(): Promise<{ n: string }[]> {
  return []
}

interface Props {
  params: Promise<{ n: string }>
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { site, hub, stories } = await reviewsPageRoute.page(params)
  return pageMetadata(site, {
    title: `${hub.name}, page ${stories.page}`,
    description: hub.description,
    path: pagedUrl(hub.url, stories.page),
  })
}

export default async function ReviewsPagedPage({ params }: Props) {
  const { site, hub, stories, galleries } = await reviewsPageRoute.page(params)
  return <ReviewsHub hub={hub} stories={stories} galleries={galleries} timeZone={site.timeZone} />
}
