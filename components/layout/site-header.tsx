import { Disclosure } from '@/components/ui/disclosure'
import { Link } from '@/components/ui/link'
import type { Category } from '@/lib/content'
import { QUERY_MAX } from '@/lib/search/types'
import { ThemeToggle } from './theme-toggle'

interface Props {
  siteName: string
  categories: Category[]
}

/** A phone's header button: a <summary>, 44 px square, with its name for screen readers. */
const ICON_BUTTON =
  'inline-flex size-11 cursor-pointer list-none items-center justify-center rounded-md hover:text-accent in-open:bg-surface [&::-webkit-details-marker]:hidden'

/** A phone's header panel: under the header's row, across the screen, over the page. */
const PANEL = 'absolute inset-x-0 top-full z-40 border-b border-line bg-page px-4 py-3 shadow-lg'

/**
 * The site's header. From 640 px up: logo, search form, theme toggle and the sections. On a
 * phone: one 56 px row of logo, Search and Menu; Search opens the search form and Menu the
 * sections and the theme toggle, each a <details> that works without JavaScript.
 */
export function SiteHeader({ siteName, categories }: Props) {
  return (
    <header className="relative border-b border-line">
      <div className="mx-auto flex h-14 max-w-6xl items-center justify-between gap-x-6 px-4 sm:h-auto sm:flex-wrap sm:gap-y-2 sm:py-3">
        <Link
          href="/"
          className="inline-flex min-h-11 items-center font-serif text-2xl font-black tracking-tight uppercase sm:text-3xl"
          aria-label={`${siteName}, home`}
        >
          <span className="text-accent">{siteName.slice(0, 1)}</span>
          {siteName.slice(1)}
        </Link>

        <div className="-mr-2 flex items-center sm:hidden">
          <Disclosure name="site-header">
            <summary className={ICON_BUTTON}>
              <SearchIcon />
              <span className="sr-only">Search</span>
            </summary>
            <div className={PANEL}>
              <SearchForm siteName={siteName} id="site-search-phone" />
            </div>
          </Disclosure>
          <Disclosure name="site-header">
            <summary className={ICON_BUTTON}>
              <MenuIcon />
              <span className="sr-only">Menu</span>
            </summary>
            <div className={PANEL}>
              <SectionsNav categories={categories} listClassName="grid grid-cols-2 gap-x-4" />
              <div className="needs-js mt-3 border-t border-line pt-3">
                <ThemeToggle />
              </div>
            </div>
          </Disclosure>
        </div>

        <SearchForm
          siteName={siteName}
          id="site-search"
          className="hidden sm:ml-auto sm:flex sm:w-auto"
        />
        <div className="hidden sm:block">
          <ThemeToggle />
        </div>
        <SectionsNav
          categories={categories}
          className="hidden w-full sm:block"
          listClassName="-mx-2 flex flex-wrap"
        />
      </div>
    </header>
  )
}

function SearchForm({
  siteName,
  id,
  className = 'flex',
}: {
  siteName: string
  id: string
  className?: string
}) {
  return (
    <form
      role="search"
      aria-label="Site search"
      action="/search"
      method="get"
      className={`gap-2 ${className}`}
    >
      <label htmlFor={id} className="sr-only">
        Search {siteName}
      </label>
      <input
        id={id}
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
  )
}

function SectionsNav({
  categories,
  className,
  listClassName,
}: {
  categories: Category[]
  className?: string
  listClassName: string
}) {
  return (
    <nav aria-label="Sections" className={className}>
      <ul className={`text-sm font-semibold ${listClassName}`}>
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
  )
}

function SearchIcon() {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      className="size-6"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
    >
      <circle cx="11" cy="11" r="7" />
      <path d="m20 20-4-4" />
    </svg>
  )
}

function MenuIcon() {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      className="size-6"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
    >
      <path d="M4 7h16M4 12h16M4 17h16" />
    </svg>
  )
}
