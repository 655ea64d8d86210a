import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { GalleryViewer } from '@/components/gallery/gallery-viewer'
import { Breadcrumbs } from '@/components/layout/breadcrumbs'
import { photoCrumbs } from '@/lib/crumbs'
import { photoTitle, photoUrl, toViewerSlide } from '@/lib/gallery'
import { photoStaticParams } from '@/lib/prerender'
import { photoRoute } from '@/lib/routes/gallery'
import { absoluteUrl } from '@/lib/seo/json-ld'
import { pageMetadata } from '@/lib/seo/metadata'

export const revalidate = 60

export async function generateStaticParams() {
  return photoStaticParams()
}

interface Props {
  params: Promise<{ slug: string; n: string }>
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { site, gallery, slide, n } = await photoRoute.page(params)
  const metadata = pageMetadata(site, {
    title: photoTitle(gallery.title, n, gallery.slides.length),
    description: slide.caption ?? slide.alt,
    path: photoUrl(gallery, n),
  })
  // The photo itself is this page's social image.
  const image = {
    url: absoluteUrl(site.url, slide.src),
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
  const { site, gallery, n, article } = await photoRoute.page(params)
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
        siteName={site.name}
      />
    </>
  )
}
