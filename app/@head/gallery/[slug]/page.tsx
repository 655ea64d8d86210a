import { JsonLd } from '@/components/seo/json-ld'
import { findArticle, findGallery, getLibrary } from '@/lib/content'
import { galleryCrumbs } from '@/lib/crumbs'
import { parseParams, slugParams } from '@/lib/params'
import { breadcrumbJsonLd, imageGalleryJsonLd } from '@/lib/seo/structured-data'

/** ImageGallery and BreadcrumbList for the view-all page, inside <head>. */
export default async function GalleryHead({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await parseParams(params, slugParams)
  const library = await getLibrary()
  const gallery = findGallery(library, slug)
  if (!gallery) return null
  const article = gallery.article ? findArticle(library, gallery.article) : undefined
  const crumbs = galleryCrumbs(gallery, article)
  return (
    <JsonLd
      data={[imageGalleryJsonLd(library.site, gallery), breadcrumbJsonLd(library.site, crumbs)]}
    />
  )
}
