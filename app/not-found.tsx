import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { siteRoute } from '@/lib/routes/site'

export const metadata: Metadata = {
  title: 'Page not found',
  robots: { index: false },
}

export default async function NotFound() {
  const { categories } = await siteRoute()
  return (
    <div className="mx-auto max-w-2xl py-16 text-center">
      <p className="font-bold text-accent">404</p>
      <h1 className="mt-2 font-serif text-4xl font-black">We couldn’t find that page</h1>
      <p className="mt-4 text-muted">
        The story may have moved, or the address may be mistyped. Try a section instead:
      </p>
      <ul className="mt-6 flex flex-wrap justify-center gap-2">
        {categories.map((category) => (
          <li key={category.slug}>
            <Link
              href={category.url}
              className="inline-flex min-h-11 items-center rounded-full border border-line px-4 hover:border-accent"
            >
              {category.name}
            </Link>
          </li>
        ))}
      </ul>
      <p className="mt-8">
        <Link href="/" className="font-semibold text-accent hover:underline">
          Go to the home page
        </Link>
      </p>
    </div>
  )
}
