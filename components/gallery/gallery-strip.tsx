import { Link } from '@/components/ui/link'
import { ResponsiveImage } from '@/components/ui/responsive-image'
import type { Gallery } from '@/lib/content'

const SHOWN = 6

/** An inline strip of a gallery's first photos; each opens that photo's page. */
export function GalleryStrip({ gallery }: { gallery: Gallery }) {
  const count = gallery.slides.length
  return (
    <aside
      aria-label={`Photos: ${gallery.title}`}
      className="not-prose my-8 rounded-lg bg-surface p-4"
    >
      <p className="font-serif text-lg font-bold">{gallery.title}</p>
      <ul className="mt-3 flex gap-2 overflow-x-auto pb-2">
        {gallery.slides.slice(0, SHOWN).map((slide, index) => (
          <li key={slide.src} className="shrink-0">
            <Link
              href={`${gallery.url}/${index + 1}`}
              className="block rounded focus-visible:outline-offset-0"
              aria-label={`Photo ${index + 1} of ${count}: ${slide.alt}`}
            >
              <ResponsiveImage
                image={slide}
                alt=""
                box={{ width: 144, height: 96 }}
                className="h-24 w-36 rounded object-cover"
              />
            </Link>
          </li>
        ))}
      </ul>
      <Link
        href={gallery.url}
        className="mt-2 inline-block font-semibold text-accent hover:underline"
      >
        See all {count} photos →
      </Link>
    </aside>
  )
}
