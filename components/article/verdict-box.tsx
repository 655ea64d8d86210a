import { Stars } from '@/components/ui/stars'
import type { Review } from '@/lib/content'

export const REVIEW_KIND_NAMES: Record<Review['item']['kind'], string> = {
  'tv-season': 'TV season',
  'tv-series': 'TV series',
  film: 'Film',
  game: 'Game',
  book: 'Book',
  album: 'Album',
}

/** Under the byline of a review: what is reviewed, the score in stars and words, the verdict. */
export function VerdictBox({ review }: { review: Review }) {
  const { item } = review
  return (
    <section
      aria-labelledby="verdict-heading"
      className="mt-5 rounded-md border-l-4 border-accent bg-surface p-4 sm:p-5"
    >
      <h2 id="verdict-heading" className="text-sm font-bold tracking-wide uppercase">
        Our verdict
      </h2>
      <p className="mt-1 text-sm text-muted">
        {REVIEW_KIND_NAMES[item.kind]}: <span className="font-semibold text-ink">{item.name}</span>{' '}
        ({item.year}){item.by && ` · ${item.by}`}
      </p>
      <p className="mt-3 flex flex-wrap items-center gap-3">
        <Stars score={review.score} size="lg" />
        <span aria-hidden="true" className="text-lg font-bold tabular-nums">
          {review.score}/5
        </span>
      </p>
      <p className="mt-3 font-serif text-xl leading-snug">{review.verdict}</p>
      {(review.pros.length > 0 || review.cons.length > 0) && (
        <div className="mt-4 grid gap-4 text-sm sm:grid-cols-2">
          {review.pros.length > 0 && (
            <div>
              <h3 className="font-semibold">What works</h3>
              <ul className="mt-1 list-disc space-y-1 ps-5">
                {review.pros.map((pro) => (
                  <li key={pro}>{pro}</li>
                ))}
              </ul>
            </div>
          )}
          {review.cons.length > 0 && (
            <div>
              <h3 className="font-semibold">What doesn’t</h3>
              <ul className="mt-1 list-disc space-y-1 ps-5">
                {review.cons.map((con) => (
                  <li key={con}>{con}</li>
                ))}
              </ul>
            </div>
          )}
        </div>
      )}
    </section>
  )
}
