import { Link } from '@/components/ui/link'
import type { Category, Site } from '@/lib/content'

export function SiteFooter({ site, categories }: { site: Site; categories: Category[] }) {
  return (
    <footer className="mt-16 border-t border-line bg-surface">
      <div className="mx-auto grid max-w-6xl gap-8 px-4 py-10 text-sm sm:grid-cols-3">
        <div>
          <p className="font-serif text-xl font-black uppercase">{site.name}</p>
          <p className="mt-2 text-muted">{site.tagline}</p>
        </div>
        <nav aria-label="Sections in the footer">
          <h2 className="mb-2 font-semibold">Sections</h2>
          <ul className="space-y-1">
            {categories.map((category) => (
              <li key={category.slug}>
                <Link href={category.url} className="inline-block py-1 hover:text-accent">
                  {category.name}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div>
          <h2 className="mb-2 font-semibold">Follow</h2>
          <ul className="space-y-1">
            {site.social.map((link) => (
              <li key={link.url}>
                <a
                  href={link.url}
                  rel="me noopener"
                  className="inline-block py-1 hover:text-accent"
                >
                  {link.name}
                </a>
              </li>
            ))}
          </ul>
        </div>
      </div>
      <p className="mx-auto max-w-6xl px-4 pb-8 text-xs text-muted">
        © {site.name}. Sample publication: stories and illustrations made for this demo.
      </p>
    </footer>
  )
}
