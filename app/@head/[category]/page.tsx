import { HubHead } from '@/components/seo/hub-head'
import { categoryRoute } from '@/lib/routes/hubs'

export default async function CategoryHead({ params }: { params: Promise<{ category: string }> }) {
  const route = await categoryRoute.head(params)
  if (!route) return null
  const { name, description, url } = route.hub
  return <HubHead site={route.site} stories={route.stories} {...{ name, description, url }} />
}
