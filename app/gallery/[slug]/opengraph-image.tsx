import { SOCIAL_CARD_SIZE, socialCard } from '@/lib/og/social-card'
import { galleryStaticParams } from '@/lib/prerender'
import { galleryRoute } from '@/lib/routes/gallery'

export const revalidate = 60

export async function generateStaticParams() {
  return galleryStaticParams()
}

export const size = SOCIAL_CARD_SIZE
export const contentType = 'image/png'
export const alt = 'The gallery’s title over its first photo'

/** The page's own rules: a draft gallery's card is drawn only for an editor in preview. */
export default async function GallerySocialImage({
  params,
}: {
  params: Promise<{ slug: string }>
}) {
  const { site, gallery } = await galleryRoute.image(params)
  return socialCard({
    siteName: site.name,
    kicker: `Gallery · ${gallery.slides.length} photos`,
    title: gallery.title,
    detail: gallery.dek,
    image: gallery.slides[0]?.src,
  })
}
