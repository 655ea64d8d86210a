import Link from 'next/link'
import type { Category } from '@/lib/content'
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
