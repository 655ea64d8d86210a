import type { Metadata, Viewport } from 'next'
import type { ReactNode } from 'react'
import { PreviewBanner } from '@/components/layout/preview-banner'
import { SiteFooter } from '@/components/layout/site-footer'
import { SiteHeader } from '@/components/layout/site-header'
import { SiteLogo } from '@/components/layout/site-logo'
import { ThemeScript } from '@/components/layout/theme-script'
import { DisclosureBehavior } from '@/components/ui/disclosure-behavior'
import { Link } from '@/components/ui/link'
import { unpublished } from '@/lib/content'
import { isPreview } from '@/lib/preview'
import { siteRoute } from '@/lib/routes/site'
import { INDEXABLE, ogLocale } from '@/lib/seo/metadata'
import './globals.css'

export async function generateMetadata(): Promise<Metadata> {
  const { site } = await siteRoute()
  return {
    metadataBase: new URL(site.url),
    title: { default: `${site.name}: ${site.tagline}`, template: `%s | ${site.name}` },
    description: site.description,
    applicationName: site.name,
    robots: INDEXABLE,
    openGraph: { siteName: site.name, locale: ogLocale(site.language), type: 'website' },
    twitter: { card: 'summary_large_image' },
    alternates: {
      types: { 'application/rss+xml': [{ url: '/feed.xml', title: `${site.name}: all stories` }] },
    },
  }
}

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#121116' },
  ],
}

interface Props {
  children: ReactNode
  /** The @head slot: a route's structured data, rendered inside <head> of the first response. */
  head: ReactNode
}

/**
 * Next renders this layout a second time, without `head`, as the not-found fallback of a root
 * layout that has a second slot (vercel/next.js#76410); that copy is the 404 page of notFound(),
 * and `/_not-found` renders it the same way. It rides in the RSC payload of every page, so it
 * is the 404 page's own: a small header, no footer (app/not-found.tsx lists the sections).
 * e2e/not-found.spec.ts checks both.
 */
export default async function RootLayout({ children, head }: Props) {
  const { library, site, categories } = await siteRoute()
  if (head === undefined) {
    return (
      <Document lang={site.language}>
        <SkipLink />
        <header className="border-b border-line">
          <div className="mx-auto flex h-14 max-w-6xl items-center justify-between px-4">
            <SiteLogo siteName={site.name} />
            <Link href="/search" className="inline-flex min-h-11 items-center hover:text-accent">
              Search
            </Link>
          </div>
        </header>
        <Main>{children}</Main>
      </Document>
    )
  }
  const preview = await isPreview()
  return (
    <Document lang={site.language} head={head}>
      <SkipLink />
      {preview && <PreviewBanner {...unpublished(library)} timeZone={site.timeZone} />}
      <SiteHeader siteName={site.name} categories={categories} />
      <Main>{children}</Main>
      <SiteFooter site={site} categories={categories} />
      <DisclosureBehavior />
    </Document>
  )
}

function Document({
  lang,
  head,
  children,
}: {
  lang: string
  head?: ReactNode
  children: ReactNode
}) {
  return (
    <html lang={lang} suppressHydrationWarning>
      <head>
        <ThemeScript />
        {head}
      </head>
      <body className="flex min-h-screen flex-col">{children}</body>
    </html>
  )
}

function SkipLink() {
  return (
    <a
      href="#main"
      className="sr-only z-50 rounded bg-accent px-4 py-2 text-accent-ink focus:not-sr-only focus:absolute focus:top-2 focus:left-2"
    >
      Skip to content
    </a>
  )
}

function Main({ children }: { children: ReactNode }) {
  return (
    <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-4 sm:py-6">
      {children}
    </main>
  )
}
