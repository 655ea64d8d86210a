import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { TopicHub } from '@/components/hubs/topic-hub'
import { findTopic, getLibrary } from '@/lib/content'
import { parseParams, slugParams } from '@/lib/params'
import { topicHubParams } from '@/lib/prerender'
import { pageMetadata } from '@/lib/seo/metadata'

export const revalidate = 60

export async function generateStaticParams() {
  return topicHubParams(await getLibrary())
}

interface Props {
  params: Promise<{ slug: string }>
}

async function load(params: Props['params']) {
  const { slug } = await parseParams(params, slugParams)
  const library = await getLibrary()
  const topic = findTopic(library, slug)
  if (!topic) notFound()
  return { library, topic }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { library, topic } = await load(params)
  return pageMetadata(library.site, {
    title: topic.name,
    description: topic.description,
    path: topic.url,
  })
}

export default async function TopicPage({ params }: Props) {
  const { library, topic } = await load(params)
  return <TopicHub library={library} topic={topic} page={1} />
}
