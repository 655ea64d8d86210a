import type { Metadata } from 'next'
import { TopicHub } from '@/components/hubs/topic-hub'
import { pagedUrl } from '@/lib/hubs'
import { topicPageRoute } from '@/lib/routes/hubs'
import { pageMetadata } from '@/lib/seo/metadata'

export const revalidate = 60

/** Numbered pages render on their first request, then are cached (see lib/prerender.ts). */
export async function generateStaticParams(): Promise<{ slug: string; n: string }[]> {
  return []
}

interface Props {
  params: Promise<{ slug: string; n: string }>
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { site, hub: topic, stories } = await topicPageRoute.page(params)
  return pageMetadata(site, {
    title: `${topic.name}, page ${stories.page}`,
    description: topic.description,
    path: pagedUrl(topic.url, stories.page),
  })
}

export default async function TopicPagedPage({ params }: Props) {
  const { site, hub, stories, galleries } = await topicPageRoute.page(params)
  return <TopicHub topic={hub} stories={stories} galleries={galleries} timeZone={site.timeZone} />
}
