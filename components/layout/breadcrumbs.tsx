import { Link } from '@/components/ui/link'

import type { Crumb } from '@/lib/crumbs'

/** Home › Section › Page; the last crumb is the current page. */
export function Breadcrumbs({ items }: { items: Crumb[] }) {
  return (
    <nav aria-label="Breadcrumb" className="mb-4 text-sm text-muted">
      <ol className="flex flex-wrap items-center gap-x-2 gap-y-1">
        {items.map((item, index) => {
          const last = index === items.length - 1
          return (
            <li key={item.url} className="flex items-center gap-2">
              {last ? (
                <span aria-current="page" className="line-clamp-1">
                  {item.name}
                </span>
              ) : (
                <>
                  <Link
                    href={item.url}
                    className="underline-offset-2 hover:text-accent hover:underline"
                  >
                    {item.name}
                  </Link>
                  <span aria-hidden="true">›</span>
                </>
              )}
            </li>
          )
        })}
      </ol>
    </nav>
  )
}
