import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { Breadcrumbs } from '@/components/layout/breadcrumbs'
import { ShareControl } from '@/components/share/share-control'
import { ResponsiveImage } from '@/components/ui/responsive-image'
import { galleryCrumbs } from '@/lib/crumbs'
import { formatDateTime } from '@/lib/format'
import { photoUrl } from '@/lib/gallery'
import { galleryStaticParams } from '@/lib/prerender'
import { galleryRoute } from '@/lib/routes/gallery'
import { absoluteUrl } from '@/lib/seo/json-ld'
import { pageMetadata } from '@/lib/seo/metadata'

export const revalidate = 60

export async function generateStaticParams() {
  return galleryStaticParams()
}

interface Props {
  params: Promise<{ slug: string }>
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { site, gallery } = await galleryRoute.page(params)
  return pageMetadata(site, {
    title: gallery.title,
    description: gallery.dek,
    path: gallery.url,
  })
}

/** Every photo of a gallery on one page, with captions and credits. */
export default async function GalleryPage({ params }: Props) {
  const { site, gallery, article } = await galleryRoute.page(params)
  const count = gallery.slides.length
  return (
    <>
      <Breadcrumbs items={galleryCrumbs(gallery, article)} />
      <header className="mx-auto max-w-3xl">
        <p className="text-sm font-bold text-accent uppercase">Gallery · {count} photos</p>
        <h1 className="mt-2 font-serif text-3xl leading-tight font-black sm:text-5xl">
          {gallery.title}
        </h1>
        <p className="mt-3 text-lg text-muted">{gallery.dek}</p>
        <div className="mt-3 flex items-center justify-between gap-3">
          <p className="text-sm text-muted">
            Published{' '}
            <time dateTime={gallery.publishedAt}>
              {formatDateTime(gallery.publishedAt, site.timeZone)}
            </time>
            {gallery.credit && <> · {gallery.credit}</>}
          </p>
          <ShareControl
            url={absoluteUrl(site.url, gallery.url)}
            title={gallery.title}
            className="shrink-0"
          />
        </div>
        <p className="mt-4 flex flex-wrap gap-4 text-sm font-semibold">
          <Link href={photoUrl(gallery, 1)} className="text-accent hover:underline">
            Start the slideshow →
          </Link>
          {article && (
            <Link href={article.url} className="text-accent hover:underline">
              Read the story: {article.title}
            </Link>
          )}
        </p>
      </header>
      <ol className="mx-auto mt-8 max-w-3xl space-y-10">
        {gallery.slides.map((slide, index) => (
          <li key={slide.src}>
            <figure>
              <Link
                href={photoUrl(gallery, index + 1)}
                aria-label={`Photo ${index + 1} of ${count}: ${slide.alt}`}
              >
                <ResponsiveImage
                  image={slide}
                  lead={index === 0}
                  sizes="(min-width: 800px) 768px, 100vw"
                  className="h-auto w-full rounded-md"
                />
              </Link>
              <figcaption className="mt-2 text-sm">
                <span className="mr-2 font-semibold text-muted">
                  {index + 1} / {count}
                </span>
                {slide.title && <strong className="mr-1">{slide.title}.</strong>}
                {slide.caption}
                {slide.credit && (
                  <span className="ml-1 text-xs text-muted uppercase">{slide.credit}</span>
                )}
              </figcaption>
            </figure>
          </li>
        ))}
      </ol>
    </>
  )
}
