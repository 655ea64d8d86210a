import { JsonLd } from '@/components/seo/json-ld'
import { findArticle, findGallery, getLibrary } from '@/lib/content'
import { galleryCrumbs } from '@/lib/crumbs'
import { parseParams, slugParams } from '@/lib/params'
import { breadcrumbJsonLd, imageGalleryJsonLd } from '@/lib/seo/structured-data'
import { isPreview } from '@/lib/preview'

/** ImageGallery and BreadcrumbList for the view-all page, inside <head>. */
export default async function GalleryHead({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await parseParams(params, slugParams)
  const library = await getLibrary({ gallery: slug })
  const preview = await isPreview()
  const gallery = findGallery(library, slug, { preview })
  if (!gallery) return null
  const article = gallery.article ? findArticle(library, gallery.article, { preview }) : undefined
  const crumbs = galleryCrumbs(gallery, article)
  return (
    <JsonLd
      data={[imageGalleryJsonLd(library.site, gallery), breadcrumbJsonLd(library.site, crumbs)]}
    />
  )
}
