import { SOCIAL_CARD_SIZE, socialCard } from '@/lib/og/social-card'
import { topicStaticParams } from '@/lib/prerender'
import { topicRoute } from '@/lib/routes/hubs'

export const revalidate = 60

export async function generateStaticParams() {
  return topicStaticParams()
}

export const size = SOCIAL_CARD_SIZE
export const contentType = 'image/png'
export const alt = 'The topic’s name over its newest story’s photo'

export default async function TopicSocialImage({ params }: { params: Promise<{ slug: string }> }) {
  const { site, hub: topic, stories } = await topicRoute.image(params)
  const [newest] = stories.items
  return socialCard({
    siteName: site.name,
    kicker: 'Topic',
    title: topic.name,
    detail: topic.description,
    image: newest?.hero.src,
  })
}
