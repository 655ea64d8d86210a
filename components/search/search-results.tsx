import { Link } from '@/components/ui/link'
import type { Segment } from '@/lib/search/highlight'
import { RESULTS_PER_PAGE, type SearchPage } from '@/lib/search/types'

export function Highlighted({ segments }: { segments: Segment[] }) {
  return segments.map((segment, index) =>
    segment.mark ? (
      <mark key={index} className="rounded-sm bg-[#ffe27a] px-0.5 text-[#1a1400]">
        {segment.text}
      </mark>
    ) : (
      segment.text
    ),
  )
}

/** The ranked hits of one results page, each a headline link over its section, date and snippet. */
export function SearchResults({ result }: { result: SearchPage }) {
  return (
    <ol className="divide-y divide-line" start={(result.page - 1) * RESULTS_PER_PAGE + 1}>
      {result.hits.map((hit) => (
        <li key={hit.url} className="py-4">
          <h2 className="font-serif text-xl leading-snug font-bold">
            <Link href={hit.url} className="hover:text-accent hover:underline">
              <Highlighted segments={hit.title} />
            </Link>
          </h2>
          <p className="mt-1 text-sm text-muted">
            {hit.section} · <time dateTime={hit.publishedAt}>{hit.date}</time>
          </p>
          <p className="mt-2 leading-relaxed">
            <Highlighted segments={hit.snippet} />
          </p>
        </li>
      ))}
    </ol>
  )
}

/** "Showing 11–20 of 34 results for “luke”", or why there is nothing to show. */
export function resultSummary(result: SearchPage): string {
  if (!result.total) return `No stories match “${result.query}”.`
  if (!result.hits.length) return `Page ${result.page} is past the last page of results.`
  const first = (result.page - 1) * RESULTS_PER_PAGE + 1
  const last = first + result.hits.length - 1
  const count = `${result.total} ${result.total === 1 ? 'story' : 'stories'}`
  return result.pageCount > 1
    ? `${first}–${last} of ${count} matching “${result.query}”`
    : `${count} matching “${result.query}”`
}
