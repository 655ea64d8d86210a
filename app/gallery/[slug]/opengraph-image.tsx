import { notFound } from 'next/navigation'
import { findGallery, getLibrary } from '@/lib/content'
import { SOCIAL_CARD_SIZE, socialCard } from '@/lib/og/social-card'
import { parseParams, slugParams } from '@/lib/params'
import { newestGalleries, PRERENDER } from '@/lib/prerender'

export const revalidate = 60

export async function generateStaticParams() {
  const library = await getLibrary()
  return newestGalleries(library, PRERENDER.galleries).map(({ slug }) => ({ slug }))
}

export const size = SOCIAL_CARD_SIZE
export const contentType = 'image/png'
export const alt = 'The gallery’s title over its first photo'

export default async function GallerySocialImage({
  params,
}: {
  params: Promise<{ slug: string }>
}) {
  const { slug } = await parseParams(params, slugParams)
  const library = await getLibrary()
  const gallery = findGallery(library, slug)
  if (!gallery) notFound()
  return socialCard({
    siteName: library.site.name,
    kicker: `Gallery · ${gallery.slides.length} photos`,
    title: gallery.title,
    detail: gallery.dek,
    image: gallery.slides[0]?.src,
  })
}
