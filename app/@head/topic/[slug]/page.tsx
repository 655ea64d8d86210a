import { HubHead } from '@/components/seo/hub-head'
import { topicRoute } from '@/lib/routes/hubs'

export default async function TopicHead({ params }: { params: Promise<{ slug: string }> }) {
  const route = await topicRoute.head(params)
  if (!route) return null
  const { name, description, url } = route.hub
  return <HubHead site={route.site} stories={route.stories} {...{ name, description, url }} />
}
