import { Link } from '@/components/ui/link'
import type { Category } from '@/lib/content'
import { QUERY_MAX } from '@/lib/search/types'
import { ThemeToggle } from './theme-toggle'

export function SiteHeader({ siteName, categories }: { siteName: string; categories: Category[] }) {
  return (
    <header className="border-b border-line">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-3">
        <Link
          href="/"
          className="font-serif text-3xl font-black tracking-tight uppercase"
          aria-label={`${siteName}, home`}
        >
          <span className="text-accent">{siteName.slice(0, 1)}</span>
          {siteName.slice(1)}
        </Link>
        <form
          role="search"
          aria-label="Site search"
          action="/search"
          method="get"
          className="order-last flex w-full gap-2 sm:order-none sm:ml-auto sm:w-auto"
        >
          <label htmlFor="site-search" className="sr-only">
            Search {siteName}
          </label>
          <input
            id="site-search"
            type="search"
            name="q"
            required
            maxLength={QUERY_MAX}
            placeholder="Search stories"
            enterKeyHint="search"
            className="min-h-11 w-full min-w-0 rounded-md border border-line bg-surface px-3 sm:w-56"
          />
          <button
            type="submit"
            className="min-h-11 rounded-md border border-line px-3 text-sm font-semibold hover:border-accent"
          >
            Search
          </button>
        </form>
        <ThemeToggle />
        <nav aria-label="Sections" className="w-full">
          <ul className="-mx-2 flex flex-wrap text-sm font-semibold">
            {categories.map((category) => (
              <li key={category.slug}>
                <Link
                  href={category.url}
                  className="inline-flex min-h-11 items-center px-2 hover:text-accent"
                >
                  {category.name}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </header>
  )
}
