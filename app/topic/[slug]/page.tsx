import type { Metadata } from 'next'
import { TopicHub } from '@/components/hubs/topic-hub'
import { topicStaticParams } from '@/lib/prerender'
import { topicRoute } from '@/lib/routes/hubs'
import { pageMetadata } from '@/lib/seo/metadata'

export const revalidate = 60

export async function generateStaticParams() {
  return topicStaticParams()
}

interface Props {
  params: Promise<{ slug: string }>
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { site, hub: topic } = await topicRoute.page(params)
  return pageMetadata(site, {
    title: topic.name,
    description: topic.description,
    path: topic.url,
  })
}

export default async function TopicPage({ params }: Props) {
  const { site, hub, stories, galleries } = await topicRoute.page(params)
  return <TopicHub topic={hub} stories={stories} galleries={galleries} timeZone={site.timeZone} />
}
