import { Link } from '@/components/ui/link'

interface Props {
  page: number
  pageCount: number
  /** The URL of page n; page 1 is the hub itself. */
  href: (page: number) => string
  label: string
  /** The words of the links to the page before and after; hubs go newer and older. */
  previous?: string
  next?: string
}

/** Real links to real page URLs, so readers without JavaScript and crawlers walk every page. */
export function Pagination({
  page,
  pageCount,
  href,
  label,
  previous = '← Newer',
  next = 'Older →',
}: Props) {
  if (pageCount <= 1) return null
  const linkClass =
    'inline-flex min-h-11 min-w-11 items-center justify-center rounded-md border border-line px-3 hover:border-accent'
  return (
    <nav aria-label={label} className="mt-10 flex flex-wrap items-center gap-2 text-sm">
      {page > 1 && (
        <Link href={href(page - 1)} rel="prev" className={linkClass}>
          {previous}
        </Link>
      )}
      {Array.from({ length: pageCount }, (_, index) => index + 1).map((n) =>
        n === page ? (
          <span
            key={n}
            aria-current="page"
            className={`${linkClass} border-ink bg-ink font-semibold text-page`}
          >
            {n}
          </span>
        ) : (
          <Link key={n} href={href(n)} className={linkClass} aria-label={`Page ${n}`}>
            {n}
          </Link>
        ),
      )}
      {page < pageCount && (
        <Link href={href(page + 1)} rel="next" className={linkClass}>
          {next}
        </Link>
      )}
    </nav>
  )
}
