import type { Metadata } from 'next'
import type { Article, Library, Site } from '@/lib/content'
import { absoluteUrl } from './json-ld'

/** Every indexable page lets search engines show large image previews and full snippets. */
export const INDEXABLE: Metadata['robots'] = {
  index: true,
  follow: true,
  'max-image-preview': 'large',
  'max-snippet': -1,
  'max-video-preview': -1,
}

/** "en-US" → "en_US", the form OpenGraph wants. */
export function ogLocale(language: string): string {
  return language.replace('-', '_')
}

interface PageInput {
  title: string
  description: string
  /** The page's own path, e.g. `/tv/page/2`; becomes the absolute canonical URL. */
  path: string
}

/**
 * Metadata for a page: title (the root layout's template adds " | <site>"), description,
 * canonical, robots, OpenGraph and Twitter card. Child metadata replaces a parent's whole
 * `openGraph`, so every page passes the site-wide fields again.
 */
export function pageMetadata(site: Site, { title, description, path }: PageInput): Metadata {
  const url = absoluteUrl(site.url, path)
  return {
    title,
    description,
    alternates: { canonical: url },
    robots: INDEXABLE,
    openGraph: {
      type: 'website',
      siteName: site.name,
      locale: ogLocale(site.language),
      url,
      title,
      description,
    },
    twitter: { card: 'summary_large_image', title, description },
  }
}

export function articleMetadata(library: Library, article: Article): Metadata {
  const { site } = library
  const base = pageMetadata(site, {
    title: article.title,
    description: article.dek,
    path: article.url,
  })
  return {
    ...base,
    authors: article.authors.flatMap((slug) => {
      const author = library.authorBySlug.get(slug)
      return author ? [{ name: author.name, url: absoluteUrl(site.url, author.url) }] : []
    }),
    openGraph: {
      ...base.openGraph,
      type: 'article',
      publishedTime: article.publishedAt,
      modifiedTime: article.modifiedAt,
      section: library.categoryBySlug.get(article.category)?.name,
      tags: article.topics.map((slug) => library.topicBySlug.get(slug)?.name ?? slug),
      authors: article.authors.map((slug) => absoluteUrl(site.url, `/author/${slug}`)),
    },
  }
}
