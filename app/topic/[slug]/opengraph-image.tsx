import { notFound } from 'next/navigation'
import { findTopic, getLibrary, publishedArticles } from '@/lib/content'
import { SOCIAL_CARD_SIZE, socialCard } from '@/lib/og/social-card'
import { parseParams, slugParams } from '@/lib/params'
import { topicHubParams } from '@/lib/prerender'

export const revalidate = 60

export async function generateStaticParams() {
  return topicHubParams(await getLibrary())
}

export const size = SOCIAL_CARD_SIZE
export const contentType = 'image/png'
export const alt = 'The topic’s name over its newest story’s photo'

export default async function TopicSocialImage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await parseParams(params, slugParams)
  const library = await getLibrary()
  const topic = findTopic(library, slug)
  if (!topic) notFound()
  const [newest] = publishedArticles(library, { topic: slug })
  return socialCard({
    siteName: library.site.name,
    kicker: 'Topic',
    title: topic.name,
    detail: topic.description,
    image: newest?.hero.src,
  })
}
