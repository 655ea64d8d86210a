import { HubHead } from '@/components/seo/hub-head'
import { reviewsRoute } from '@/lib/routes/hubs'

export default async function ReviewsHead() {
  const { site, stories, hub } = await reviewsRoute()
  const { name, description, url } = hub
  return <HubHead site={site} stories={stories} {...{ name, description, url }} />
}
