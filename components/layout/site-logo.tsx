import { Link } from '@/components/ui/link'

/** The site's name as its logo, the first letter in the accent colour: a link home. */
export function SiteLogo({ siteName }: { siteName: string }) {
  return (
    <Link
      href="/"
      className="inline-flex min-h-11 items-center font-serif text-2xl font-black tracking-tight uppercase sm:text-3xl"
      aria-label={`${siteName}, home`}
    >
      <span className="text-accent">{siteName.slice(0, 1)}</span>
      {siteName.slice(1)}
    </Link>
  )
}
