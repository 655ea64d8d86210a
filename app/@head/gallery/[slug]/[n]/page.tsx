import { JsonLd } from '@/components/seo/json-ld'
import { findGallery, getLibrary } from '@/lib/content'
import { photoCrumbs } from '@/lib/crumbs'
import { photoUrl } from '@/lib/gallery'
import { parseParams, photoParams } from '@/lib/params'
import { breadcrumbJsonLd, photoJsonLd } from '@/lib/seo/structured-data'
import { isPreview } from '@/lib/preview'

/** The photo as an ImageObject, and BreadcrumbList. */
export default async function PhotoHead({
  params,
}: {
  params: Promise<{ slug: string; n: string }>
}) {
  const { slug, n } = await parseParams(params, photoParams)
  const library = await getLibrary({ gallery: slug })
  const gallery = findGallery(library, slug, { preview: await isPreview() })
  const slide = gallery?.slides[n - 1]
  if (!gallery || !slide) return null
  return (
    <JsonLd
      data={[
        photoJsonLd(library.site, slide, photoUrl(gallery, n)),
        breadcrumbJsonLd(library.site, photoCrumbs(gallery, n)),
      ]}
    />
  )
}
