import type { Metadata } from 'next'
import { notFound, permanentRedirect } from 'next/navigation'
import { TopicHub } from '@/components/hubs/topic-hub'
import { findTopic, getLibrary } from '@/lib/content'
import { hubPageCount, pagedUrl } from '@/lib/hubs'
import { parseParams, slugPageParams } from '@/lib/params'
import { pageMetadata } from '@/lib/seo/metadata'

export const revalidate = 60

/** Numbered pages render on their first request, then are cached (see lib/prerender.ts). */
export async function generateStaticParams(): Promise<{ slug: string; n: string }[]> {
  return []
}

interface Props {
  params: Promise<{ slug: string; n: string }>
}

async function load(params: Props['params']) {
  const { slug, n } = await parseParams(params, slugPageParams)
  const library = await getLibrary()
  const topic = findTopic(library, slug)
  if (!topic || n > hubPageCount(library, { topic: slug })) notFound()
  if (n === 1) permanentRedirect(topic.url)
  return { library, topic, n }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { library, topic, n } = await load(params)
  return pageMetadata(library.site, {
    title: `${topic.name}, page ${n}`,
    description: topic.description,
    path: pagedUrl(topic.url, n),
  })
}

export default async function TopicPagedPage({ params }: Props) {
  const { library, topic, n } = await load(params)
  return <TopicHub library={library} topic={topic} page={n} />
}
