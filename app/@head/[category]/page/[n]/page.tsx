import { HubHead } from '@/components/seo/hub-head'
import { categoryPageRoute } from '@/lib/routes/hubs'

export default async function CategoryPageHead({
  params,
}: {
  params: Promise<{ category: string; n: string }>
}) {
  const route = await categoryPageRoute.head(params)
  if (!route) return null
  const { name, description, url } = route.hub
  return <HubHead site={route.site} stories={route.stories} {...{ name, description, url }} />
}
