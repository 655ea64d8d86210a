import { JsonLd } from '@/components/seo/json-ld'
import { galleryCrumbs } from '@/lib/crumbs'
import { galleryRoute } from '@/lib/routes/gallery'
import { breadcrumbJsonLd, imageGalleryJsonLd } from '@/lib/seo/structured-data'

/** ImageGallery and BreadcrumbList for the view-all page, inside <head>. */
export default async function GalleryHead({ params }: { params: Promise<{ slug: string }> }) {
  const route = await galleryRoute.head(params)
  if (!route) return null
  const { site, gallery, article } = route
  return (
    <JsonLd
      data={[
        imageGalleryJsonLd(site, gallery),
        breadcrumbJsonLd(site, galleryCrumbs(gallery, article)),
      ]}
    />
  )
}
