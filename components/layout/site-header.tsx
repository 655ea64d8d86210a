import { Disclosure } from '@/components/ui/disclosure'
import { Link } from '@/components/ui/link'
import { StrokeIcon } from '@/components/ui/stroke-icon'
import type { Category } from '@/lib/content'
import { QUERY_MAX } from '@/lib/search/types'
import { SiteLogo } from './site-logo'
import { ThemeToggle } from './theme-toggle'

interface Props {
  siteName: string
  categories: Category[]
}

/** A phone's header button: a <summary>, 44 px square, with its name for screen readers. */
const ICON_BUTTON =
  'inline-flex size-11 cursor-pointer list-none items-center justify-center rounded-md hover:text-accent in-open:bg-surface bar:hidden [&::-webkit-details-marker]:hidden'

/**
 * A header disclosure: a phone's Search or Menu. In the wide bar the <details>, its content slot
 * and its panel lay no box of their own (display: contents), so the panel's parts are the bar's
 * items, shown whether the <details> is open or not.
 */
const BAR_DISCLOSURE = 'bar:contents bar:details-content:contents'

/** A phone's header panel: under the header's row, across the screen, over the page. */
const PANEL =
  'absolute inset-x-0 top-full z-40 border-b border-line bg-page px-4 py-3 shadow-lg bar:contents'

/**
 * The site's header, rendered once. On a phone: one 56 px row of logo, Search and Menu; Search
 * opens the search form and Menu the sections and the theme toggle, each a <details> that works
 * without JavaScript. In the wide bar (the `bar` variant, app/globals.css): logo, search form and
 * theme toggle, the sections under them, from the same elements.
 */
export function SiteHeader({ siteName, categories }: Props) {
  return (
    <header className="relative border-b border-line">
      <div className="mx-auto flex h-14 max-w-6xl items-center justify-between gap-x-6 px-4 bar:h-auto bar:flex-wrap bar:gap-y-2 bar:py-3">
        <SiteLogo siteName={siteName} />

        <div className="-mr-2 flex items-center bar:contents">
          <Disclosure name="site-header" className={BAR_DISCLOSURE}>
            <summary className={ICON_BUTTON}>
              <SearchIcon />
              <span className="sr-only">Search</span>
            </summary>
            <div className={PANEL}>
              <SearchForm siteName={siteName} />
            </div>
          </Disclosure>
          <Disclosure name="site-header" className={BAR_DISCLOSURE}>
            <summary className={ICON_BUTTON}>
              <MenuIcon />
              <span className="sr-only">Menu</span>
            </summary>
            <div className={PANEL}>
              <SectionsNav categories={categories} />
              <div className="needs-js mt-3 border-t border-line pt-3 bar:mt-0 bar:border-0 bar:pt-0">
                <ThemeToggle />
              </div>
            </div>
          </Disclosure>
        </div>
      </div>
    </header>
  )
}

function SearchForm({ siteName }: { siteName: string }) {
  return (
    <form
      role="search"
      aria-label="Site search"
      action="/search"
      method="get"
      className="flex gap-2 bar:ml-auto"
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
        className="min-h-11 w-full min-w-0 rounded-md border border-line bg-surface px-3 bar:w-56"
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

/** The sections: two columns in the phone's Menu, one row under the wide bar's search form. */
function SectionsNav({ categories }: { categories: Category[] }) {
  return (
    <nav aria-label="Sections" className="bar:order-last bar:w-full">
      <ul className="grid grid-cols-2 gap-x-4 text-sm font-semibold bar:-mx-2 bar:flex bar:flex-wrap bar:gap-x-0">
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
    <StrokeIcon className="size-6">
      <circle cx="11" cy="11" r="7" />
      <path d="m20 20-4-4" />
    </StrokeIcon>
  )
}

function MenuIcon() {
  return (
    <StrokeIcon className="size-6">
      <path d="M4 7h16M4 12h16M4 17h16" />
    </StrokeIcon>
  )
}
