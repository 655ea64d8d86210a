import type { GalleryTeaser } from '@/lib/teasers'
import { GalleryCard } from './gallery-card'

/** A "Galleries" row of cards with photo counts, on the home page and hubs. */
export function GalleryRail({
  galleries,
  className,
  leadFirst = false,
}: {
  galleries: GalleryTeaser[]
  className?: string
  /** The rail opens the page: its first cover is the largest paint. */
  leadFirst?: boolean
}) {
  if (!galleries.length) return null
  return (
    <section aria-labelledby="rail-galleries" className={className}>
      <h2
        id="rail-galleries"
        className="mb-5 border-t-4 border-ink pt-2 font-serif text-2xl font-black"
      >
        Galleries
      </h2>
      <ul className="grid gap-6 sm:grid-cols-2 lg:grid-cols-3">
        {galleries.map((gallery, index) => (
          <li key={gallery.slug}>
            <GalleryCard gallery={gallery} lead={leadFirst && index === 0} />
          </li>
        ))}
      </ul>
    </section>
  )
}
