/**
 * Sitemaps as pure functions of a library and a clock: the chunked URL sitemaps (articles,
 * galleries, hubs) with their index, and the Google News sitemap. Every list goes through the
 * publishing rule, and every lastmod comes from the content, never from the time of the request.
 */
import {
  publishedArticles,
  publishedGalleries,
  type Article,
  type ArticleFilter,
  type Library,
  type Site,
} from '@/lib/content'
import { photoUrl } from '@/lib/gallery'
import { pagedUrl, STORIES_PER_PAGE } from '@/lib/hubs'
import { absoluteUrl } from './json-ld'

export const SITEMAP_KINDS = ['articles', 'galleries', 'hubs'] as const
export type SitemapKind = (typeof SITEMAP_KINDS)[number]

/** What search engines accept in one sitemap file: 50,000 URLs and 50 MB uncompressed. */
export interface SitemapLimits {
  urls: number
  bytes: number
}
export const SITEMAP_LIMITS: SitemapLimits = { urls: 50_000, bytes: 50 * 1024 * 1024 }

/** Google News lists stories from the last two days, at most 1,000 per sitemap. */
export const NEWS_WINDOW_MS = 48 * 60 * 60 * 1000
export const NEWS_LIMIT = 1_000

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9'
const IMAGE_NS = 'http://www.google.com/schemas/sitemap-image/1.1'
const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9'
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>'

/** One page in a sitemap: absolute URLs, and the W3C date-time of its newest change. */
export interface SitemapUrl {
  loc: string
  lastmod: string
  images: string[]
}

export interface SitemapChunk {
  kind: SitemapKind
  /** 1-based, as in `/sitemaps/articles-1.xml`. */
  n: number
  path: string
  lastmod: string
  xml: string
}

/** Characters XML 1.0 cannot carry at all, even escaped. */
const INVALID_XML_CHARS = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
}

/** Text safe for XML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(INVALID_XML_CHARS, '').replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char)
}

function element(name: string, text: string): string {
  return `<${name}>${escapeXml(text)}</${name}>`
}

/** The later of two ISO 8601 date-times, kept as written (with the editor's offset). */
export function later(a: string, b: string): string {
  return Date.parse(b) > Date.parse(a) ? b : a
}

/** The library's own images in a story's body (from the index: no body is parsed). */
function bodyImages(article: Article): string[] {
  return article.bodyImages.filter((src) => src.startsWith('/images/'))
}

/** Oldest first, so a new story lands in the last chunk and older chunks stay as they were. */
function oldestFirst<T extends { publishedTime: number }>(items: T[]): T[] {
  return [...items].sort((a, b) => a.publishedTime - b.publishedTime)
}

export function articleUrls(library: Library, now: number): SitemapUrl[] {
  const { site } = library
  return oldestFirst(publishedArticles(library, {}, now)).map((article) => ({
    loc: absoluteUrl(site.url, article.url),
    lastmod: article.modifiedAt,
    images: [...new Set([article.hero.src, ...bodyImages(article)])].map((src) =>
      absoluteUrl(site.url, src),
    ),
  }))
}

/** Each gallery's view-all page with every photo, then one page per photo. */
export function galleryUrls(library: Library, now: number): SitemapUrl[] {
  const { site } = library
  return oldestFirst(publishedGalleries(library, now)).flatMap((gallery) => {
    const image = (src: string) => absoluteUrl(site.url, src)
    const viewAll = {
      loc: absoluteUrl(site.url, gallery.url),
      lastmod: gallery.publishedAt,
      images: gallery.slides.map((slide) => image(slide.src)),
    }
    const photos = gallery.slides.map((slide, index) => ({
      loc: absoluteUrl(site.url, photoUrl(gallery, index + 1)),
      lastmod: gallery.publishedAt,
      images: [image(slide.src)],
    }))
    return [viewAll, ...photos]
  })
}

/**
 * Every page of a hub. A new story shifts every page of its hub, and an update changes the page
 * that lists the story: a page's lastmod is the later of the two. A hub with no story is left out.
 */
function hubPages(site: Site, base: string, stories: Article[]): SitemapUrl[] {
  const newest = stories[0]
  if (!newest) return []
  const pageCount = Math.ceil(stories.length / STORIES_PER_PAGE)
  return Array.from({ length: pageCount }, (_, index) => {
    const onPage = stories.slice(index * STORIES_PER_PAGE, (index + 1) * STORIES_PER_PAGE)
    return {
      loc: absoluteUrl(site.url, pagedUrl(base, index + 1)),
      lastmod: onPage.reduce((date, story) => later(date, story.modifiedAt), newest.publishedAt),
      images: [],
    }
  })
}

/** Home lists the newest stories and picks from every section: any story's change can show. */
function homePage(site: Site, stories: Article[]): SitemapUrl[] {
  const [first, ...rest] = stories
  if (!first) return []
  const lastmod = rest.reduce((date, story) => later(date, story.modifiedAt), first.modifiedAt)
  return [{ loc: absoluteUrl(site.url, '/'), lastmod, images: [] }]
}

/** Home, then every category, topic and author hub and /reviews, with their numbered pages. */
export function hubUrls(library: Library, now: number): SitemapUrl[] {
  const { site } = library
  const stories = (filter: ArticleFilter) => publishedArticles(library, filter, now)
  return [
    ...homePage(site, stories({})),
    ...library.categories.flatMap((category) =>
      hubPages(site, category.url, stories({ category: category.slug })),
    ),
    ...library.topics.flatMap((topic) => hubPages(site, topic.url, stories({ topic: topic.slug }))),
    ...library.authors.flatMap((author) =>
      hubPages(site, author.url, stories({ author: author.slug })),
    ),
    ...hubPages(site, '/reviews', stories({ format: 'review' })),
  ]
}

const URL_LISTS: Record<SitemapKind, (library: Library, now: number) => SitemapUrl[]> = {
  articles: articleUrls,
  galleries: galleryUrls,
  hubs: hubUrls,
}

function urlElement(url: SitemapUrl): string {
  const images = url.images.map(
    (image) => `    <image:image>\n      ${element('image:loc', image)}\n    </image:image>`,
  )
  return [
    '  <url>',
    `    ${element('loc', url.loc)}`,
    `    ${element('lastmod', url.lastmod)}`,
    ...images,
    '  </url>\n',
  ].join('\n')
}

const URLSET_OPEN = `${XML_DECLARATION}\n<urlset xmlns="${SITEMAP_NS}" xmlns:image="${IMAGE_NS}">\n`
const URLSET_CLOSE = '</urlset>\n'

const encoder = new TextEncoder()

function byteLength(text: string): number {
  return encoder.encode(text).length
}

interface UrlFile {
  elements: string[]
  lastmod: string
  bytes: number
}

/** Packs URLs into files that each stay within the URL count and byte size limits. */
function packUrls(urls: SitemapUrl[], limits: SitemapLimits): UrlFile[] {
  const overhead = byteLength(URLSET_OPEN + URLSET_CLOSE)
  const files: UrlFile[] = []
  for (const url of urls) {
    const xml = urlElement(url)
    const bytes = byteLength(xml)
    const current = files.at(-1)
    const fits =
      current && current.elements.length < limits.urls && current.bytes + bytes <= limits.bytes
    if (current && fits) {
      current.elements.push(xml)
      current.lastmod = later(current.lastmod, url.lastmod)
      current.bytes += bytes
    } else {
      files.push({ elements: [xml], lastmod: url.lastmod, bytes: overhead + bytes })
    }
  }
  return files
}

export function sitemapPath(kind: SitemapKind, n: number): string {
  return `/sitemaps/${kind}-${n}.xml`
}

/** The sitemap files of one kind, none when the kind has no published page. */
export function sitemapChunks(
  library: Library,
  kind: SitemapKind,
  now: number,
  limits: SitemapLimits = SITEMAP_LIMITS,
): SitemapChunk[] {
  return packUrls(URL_LISTS[kind](library, now), limits).map((file, index) => ({
    kind,
    n: index + 1,
    path: sitemapPath(kind, index + 1),
    lastmod: file.lastmod,
    xml: URLSET_OPEN + file.elements.join('') + URLSET_CLOSE,
  }))
}

export function allSitemapChunks(
  library: Library,
  now: number,
  limits: SitemapLimits = SITEMAP_LIMITS,
): SitemapChunk[] {
  return SITEMAP_KINDS.flatMap((kind) => sitemapChunks(library, kind, now, limits))
}

/** The index at /sitemap.xml: one entry per chunk, dated by the chunk's newest change. */
export function sitemapIndexXml(site: Site, chunks: SitemapChunk[]): string {
  const entries = chunks.map((chunk) =>
    [
      '  <sitemap>',
      `    ${element('loc', absoluteUrl(site.url, chunk.path))}`,
      `    ${element('lastmod', chunk.lastmod)}`,
      '  </sitemap>\n',
    ].join('\n'),
  )
  const open = `${XML_DECLARATION}\n<sitemapindex xmlns="${SITEMAP_NS}">\n`
  return `${open}${entries.join('')}</sitemapindex>\n`
}

/** Stories published in the 48 hours up to `now`, newest first, at most 1,000. */
export function newsArticles(library: Library, now: number): Article[] {
  return publishedArticles(library, {}, now)
    .filter((article) => article.publishedTime >= now - NEWS_WINDOW_MS)
    .sort((a, b) => b.publishedTime - a.publishedTime)
    .slice(0, NEWS_LIMIT)
}

/**
 * The language as Google News wants it: the ISO 639 code ("en" from "en-US"), except Chinese,
 * which is zh-cn (Simplified) or zh-tw (Traditional).
 */
export function newsLanguage(languageTag: string): string {
  const [language = '', region = ''] = languageTag.toLowerCase().split('-')
  if (language !== 'zh') return language
  return ['tw', 'hk', 'mo'].includes(region) ? 'zh-tw' : 'zh-cn'
}

function newsUrlElement(site: Site, article: Article): string {
  return [
    '  <url>',
    `    ${element('loc', absoluteUrl(site.url, article.url))}`,
    '    <news:news>',
    '      <news:publication>',
    `        ${element('news:name', site.name)}`,
    `        ${element('news:language', newsLanguage(site.language))}`,
    '      </news:publication>',
    `      ${element('news:publication_date', article.publishedAt)}`,
    `      ${element('news:title', article.title)}`,
    '    </news:news>',
    '  </url>\n',
  ].join('\n')
}

/**
 * With no story in the window the urlset is empty: crawlers read that as nothing new, though the
 * sitemap XSD asks for at least one url.
 */
export function newsSitemapXml(library: Library, now: number): string {
  const urls = newsArticles(library, now).map((article) => newsUrlElement(library.site, article))
  const open = `${XML_DECLARATION}\n<urlset xmlns="${SITEMAP_NS}" xmlns:news="${NEWS_NS}">\n`
  return `${open}${urls.join('')}</urlset>\n`
}
