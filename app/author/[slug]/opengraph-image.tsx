import { SOCIAL_CARD_SIZE, socialCard } from '@/lib/og/social-card'
import { authorStaticParams } from '@/lib/prerender'
import { authorRoute } from '@/lib/routes/hubs'

export const revalidate = 60

export async function generateStaticParams() {
  return authorStaticParams()
}

export const size = SOCIAL_CARD_SIZE
export const contentType = 'image/png'
export const alt = 'The author’s name and role'

export default async function AuthorSocialImage({ params }: { params: Promise<{ slug: string }> }) {
  const { site, hub: author } = await authorRoute.image(params)
  return socialCard({
    siteName: site.name,
    kicker: 'Author',
    title: author.name,
    detail: author.role,
  })
}
