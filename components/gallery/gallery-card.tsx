import { Link } from '@/components/ui/link'
import { ResponsiveImage } from '@/components/ui/responsive-image'
import { CARD_SIZES, ROW_SIZES, ROW_WIDEST } from '@/components/article/story-card'
import type { GalleryTeaser } from '@/lib/teasers'

/** A gallery's cover with its photo count, linking to the view-all page. */
export function GalleryCard({
  gallery,
  as: Heading = 'h3',
  lead = false,
}: {
  gallery: GalleryTeaser
  as?: 'h2' | 'h3'
  /** The page's largest paint: preloaded and fetched first, and across the screen on a phone. */
  lead?: boolean
}) {
  // On a phone, the covers after the lead are thumbnails beside the title, as story cards are.
  return (
    <article className="overflow-hidden rounded-lg bg-surface">
      <Link
        href={gallery.url}
        className={`group ${lead ? 'block' : 'grid grid-cols-[1fr_8rem] items-start sm:block'}`}
      >
        <div className={`relative ${lead ? '' : 'col-start-2 row-start-1 m-3 ml-0 sm:m-0'}`}>
          <ResponsiveImage
            image={gallery.cover}
            alt=""
            lead={lead}
            sizes={lead ? CARD_SIZES : ROW_SIZES}
            widest={lead ? undefined : ROW_WIDEST}
            className={`aspect-video w-full object-cover ${lead ? '' : 'rounded sm:rounded-none'}`}
          />
          <span className="absolute right-2 bottom-2 rounded bg-black/80 px-2 py-1 text-xs font-bold text-white">
            {gallery.count} photos
          </span>
        </div>
        <div className={lead ? 'p-4' : 'col-start-1 row-start-1 min-w-0 p-3 sm:p-4'}>
          <p className="text-xs font-bold text-accent uppercase">Gallery</p>
          <Heading className="mt-1 font-serif text-lg leading-tight font-bold group-hover:underline">
            {gallery.title}
          </Heading>
          <p className={`mt-1 text-sm text-muted ${lead ? '' : 'hidden sm:block'}`}>
            {gallery.dek}
          </p>
        </div>
      </Link>
    </article>
  )
}
