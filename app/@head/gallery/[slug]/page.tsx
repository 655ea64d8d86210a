import { JsonLd } from '@/components/seo/json-ld'
import { findArticle, findGallery, getLibrary } from '@/lib/content'
import { parseParams, slugParams } from '@/lib/params'
import { breadcrumbJsonLd, imageGalleryJsonLd } from '@/lib/seo/structured-data'

/** ImageGallery and BreadcrumbList for the view-all page, inside <head>. */
export default async function GalleryHead({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await parseParams(params, slugParams)
  const library = await getLibrary()
  const gallery = findGallery(library, slug)
  if (!gallery) return null
  const article = gallery.article ? findArticle(library, gallery.article) : undefined
  const crumbs = [
    { name: 'Home', url: '/' },
    ...(article ? [{ name: article.title, url: article.url }] : []),
    { name: gallery.title, url: gallery.url },
  ]
  return (
    <JsonLd
      data={[imageGalleryJsonLd(library.site, gallery), breadcrumbJsonLd(library.site, crumbs)]}
    />
  )
}
