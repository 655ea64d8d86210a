import type { Metadata, Viewport } from 'next'
import type { ReactNode } from 'react'
import { PreviewBanner } from '@/components/layout/preview-banner'
import { SiteFooter } from '@/components/layout/site-footer'
import { SiteHeader } from '@/components/layout/site-header'
import { ThemeScript } from '@/components/layout/theme-script'
import { DisclosureBehavior } from '@/components/ui/disclosure-behavior'
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

export default async function RootLayout({ children, head }: Props) {
  const { library, site, categories } = await siteRoute()
  const preview = await isPreview()
  return (
    <html lang={site.language} suppressHydrationWarning>
      <head>
        <ThemeScript />
        {head}
      </head>
      <body className="flex min-h-screen flex-col">
        <a
          href="#main"
          className="sr-only z-50 rounded bg-accent px-4 py-2 text-accent-ink focus:not-sr-only focus:absolute focus:top-2 focus:left-2"
        >
          Skip to content
        </a>
        {preview && <PreviewBanner {...unpublished(library)} timeZone={site.timeZone} />}
        <SiteHeader siteName={site.name} categories={categories} />
        <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-4 sm:py-6">
          {children}
        </main>
        <SiteFooter site={site} categories={categories} />
        <DisclosureBehavior />
      </body>
    </html>
  )
}
