import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { GalleryViewer } from '@/components/gallery/gallery-viewer'
import { Breadcrumbs } from '@/components/layout/breadcrumbs'
import { ShareControl } from '@/components/share/share-control'
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
      <div className="mt-2 flex items-center justify-between gap-3">
        <p className="flex min-w-0 flex-wrap gap-x-4 text-sm font-semibold">
          <Link href={gallery.url} className="leading-6 text-accent hover:underline">
            View all {gallery.slides.length} photos
          </Link>
          {article && (
            <Link href={article.url} className="line-clamp-1 leading-6 text-accent hover:underline">
              Back to the story: {article.title}
            </Link>
          )}
        </p>
        <ShareControl
          url={absoluteUrl(site.url, gallery.url)}
          title={gallery.title}
          className="shrink-0"
        />
      </div>
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
