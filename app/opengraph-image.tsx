import { SOCIAL_CARD_SIZE, socialCard } from '@/lib/og/social-card'
import { siteRoute } from '@/lib/routes/site'

export const size = SOCIAL_CARD_SIZE
export const contentType = 'image/png'
export const alt = 'The publication’s name and tagline'

export default async function SiteSocialImage() {
  const { site } = await siteRoute()
  return socialCard({
    siteName: site.name,
    kicker: site.name,
    title: site.tagline,
    detail: site.description,
  })
}
