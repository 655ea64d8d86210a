import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { notFound } from 'next/navigation'
import { GalleryViewer } from '@/components/gallery/gallery-viewer'
import { Breadcrumbs } from '@/components/layout/breadcrumbs'
import { photoCrumbs } from '@/lib/crumbs'
import { findArticle, findGallery, getLibrary } from '@/lib/content'
import { photoTitle, photoUrl, toViewerSlide } from '@/lib/gallery'
import { parseParams, photoParams } from '@/lib/params'
import { newestGalleries, PRERENDER } from '@/lib/prerender'
import { absoluteUrl } from '@/lib/seo/json-ld'
import { pageMetadata } from '@/lib/seo/metadata'
import { isPreview } from '@/lib/preview'

export const revalidate = 60

export async function generateStaticParams() {
  const library = await getLibrary()
  return newestGalleries(library, PRERENDER.galleryPhotos).flatMap((gallery) =>
    gallery.slides.map((_, index) => ({ slug: gallery.slug, n: String(index + 1) })),
  )
}

interface Props {
  params: Promise<{ slug: string; n: string }>
}

async function load(params: Props['params']) {
  const { slug, n } = await parseParams(params, photoParams)
  const library = await getLibrary({ gallery: slug })
  const preview = await isPreview()
  const gallery = findGallery(library, slug, { preview })
  const slide = gallery?.slides[n - 1]
  if (!gallery || !slide) notFound()
  const article = gallery.article ? findArticle(library, gallery.article, { preview }) : undefined
  return { library, gallery, slide, n, article }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { library, gallery, slide, n } = await load(params)
  const metadata = pageMetadata(library.site, {
    title: photoTitle(gallery.title, n, gallery.slides.length),
    description: slide.caption ?? slide.alt,
    path: photoUrl(gallery, n),
  })
  // The photo itself is this page's social image.
  const image = {
    url: absoluteUrl(library.site.url, slide.src),
    width: slide.width,
    height: slide.height,
    alt: slide.alt,
  }
  return {
    ...metadata,
    openGraph: { ...metadata.openGraph, images: [image] },
    twitter: { ...metadata.twitter, images: [image] },
  }
}

/** One photo per page: crawlable, linkable, and the viewer's starting point. */
export default async function PhotoPage({ params }: Props) {
  const { library, gallery, n, article } = await load(params)
  return (
    <>
      <Breadcrumbs items={photoCrumbs(gallery, n)} />
      <h1 className="font-serif text-2xl leading-tight font-black sm:text-3xl">{gallery.title}</h1>
      <p className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm font-semibold">
        <Link href={gallery.url} className="text-accent hover:underline">
          View all {gallery.slides.length} photos
        </Link>
        {article && (
          <Link href={article.url} className="text-accent hover:underline">
            Back to the story: {article.title}
          </Link>
        )}
      </p>
      <GalleryViewer
        slides={gallery.slides.map(toViewerSlide)}
        start={n - 1}
        galleryUrl={gallery.url}
        galleryTitle={gallery.title}
        siteName={library.site.name}
      />
    </>
  )
}
