import { HubHead } from '@/components/seo/hub-head'
import { reviewsPageRoute } from '@/lib/routes/hubs'

export default async function ReviewsPageHead({ params }: { params: Promise<{ n: string }> }) {
  const route = await reviewsPageRoute.head(params)
  if (!route) return null
  const { name, description, url } = route.hub
  return <HubHead site={route.site} stories={route.stories} {...{ name, description, url }} />
}
