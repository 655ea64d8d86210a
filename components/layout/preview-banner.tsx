import { Link } from '@/components/ui/link'
import { formatDateTime } from '@/lib/format'

/** A draft or scheduled story or gallery. */
interface Unpublished {
  url: string
  title: string
  draft: boolean
  publishedAt: string
}

/**
 * Shown on every page while an editor is in preview: says so, lists what only preview shows,
 * and leaves preview with a plain form post (no JavaScript needed).
 */
export function PreviewBanner({
  articles,
  galleries,
  timeZone,
}: {
  articles: Unpublished[]
  galleries: Unpublished[]
  timeZone: string
}) {
  const items = [...articles, ...galleries]
  const status = (item: Unpublished) =>
    item.draft ? 'draft' : `scheduled for ${formatDateTime(item.publishedAt, timeZone)}`
  return (
    <section
      aria-label="Preview"
      className="border-b-2 border-[#8a6d00] bg-[#ffe27a] text-sm text-[#1a1400]"
    >
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2">
        <p>
          <strong className="mr-1 rounded bg-[#1a1400] px-2 py-0.5 text-[#ffe27a] uppercase">
            Preview
          </strong>{' '}
          Drafts and scheduled stories are visible. Readers do not see this.
        </p>
        <details className="relative">
          <summary className="inline-flex min-h-11 cursor-pointer items-center underline">
            Not yet published ({items.length})
          </summary>
          <ul className="absolute z-40 mt-1 max-h-80 w-[min(32rem,90vw)] overflow-auto rounded border border-[#8a6d00] bg-[#fff8d6] p-2 shadow-lg">
            {items.map((item) => (
              <li key={item.url}>
                <Link href={item.url} className="block py-1 underline">
                  {item.title}
                </Link>
                <span className="text-xs">{status(item)}</span>
              </li>
            ))}
          </ul>
        </details>
        <form method="post" action="/api/preview/exit" className="ml-auto">
          <button
            type="submit"
            className="min-h-11 rounded border border-[#1a1400] px-3 font-semibold hover:bg-[#1a1400] hover:text-[#ffe27a]"
          >
            Exit preview
          </button>
        </form>
      </div>
    </section>
  )
}
