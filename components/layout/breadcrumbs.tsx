import { Link } from '@/components/ui/link'

import type { Crumb } from '@/lib/crumbs'

/** Home keeps its width, a parent takes at most 40% of the line, the current page the rest. */
function crumbClass(index: number, count: number) {
  if (index === 0) return 'shrink-0'
  return index === count - 1 ? 'min-w-0' : 'max-w-[40%] shrink-0'
}

/**
 * Home › Section › Page; the last crumb is the current page. Always one line: long names end in
 * an ellipsis.
 */
export function Breadcrumbs({ items }: { items: Crumb[] }) {
  return (
    <nav aria-label="Breadcrumb" className="mb-3 text-sm text-muted sm:mb-4">
      <ol className="flex items-center gap-x-2 leading-6">
        {items.map((item, index) => (
          <li
            key={item.url}
            className={`flex items-center gap-2 ${crumbClass(index, items.length)}`}
          >
            {index === items.length - 1 ? (
              <span aria-current="page" className="min-w-0 truncate">
                {item.name}
              </span>
            ) : (
              <>
                <Link
                  href={item.url}
                  className="min-w-0 truncate underline-offset-2 hover:text-accent hover:underline"
                >
                  {item.name}
                </Link>
                <span aria-hidden="true" className="shrink-0">
                  ›
                </span>
              </>
            )}
          </li>
        ))}
      </ol>
    </nav>
  )
}
