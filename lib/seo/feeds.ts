/**
 * RSS 2.0 feeds of the newest published stories, for the whole site or one category, built with
 * the `feed` library. Rendering is pure; only `heroSizes` reads image files.
 */
import { Feed, type Item } from 'feed'
import {
  publishedArticles,
  readContentImage,
  type Article,
  type Category,
  type Library,
} from '@/lib/content'
import { absoluteUrl } from './json-ld'

export const FEED_SIZE = 50
export const FEED_PATH = '/feed.xml'
export const RSS_CONTENT_TYPE = 'application/rss+xml; charset=utf-8'

const DC_NS = 'http://purl.org/dc/elements/1.1/'

const IMAGE_TYPES: Record<string, string> = {
  webp: 'image/webp',
  avif: 'image/avif',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
}

export function feedPath(category?: Category): string {
  return category ? `${category.url}${FEED_PATH}` : FEED_PATH
}

/** The newest published stories of the site or of one category. */
export function feedArticles(library: Library, now: number, category?: Category): Article[] {
  return publishedArticles(library, { category: category?.slug }, now).slice(0, FEED_SIZE)
}

/** Byte sizes of the stories' hero images, which an RSS enclosure must state. */
export async function heroSizes(articles: Article[]): Promise<Map<string, number>> {
  const sources = [...new Set(articles.map((article) => article.hero.src))]
  const sizes = await Promise.all(
    sources.map(async (src) => [src, (await readContentImage(src))?.body.length] as const),
  )
  return new Map(sizes.filter((entry): entry is [string, number] => entry[1] !== undefined))
}

function imageType(src: string): string | undefined {
  const extension = src.split('.').at(-1)?.toLowerCase() ?? ''
  return IMAGE_TYPES[extension]
}

/**
 * xml-js (under `feed`) writes an array value as one element per entry; the library types an
 * extension's value as an object only.
 */
function repeated(texts: string[]): Record<string, unknown> {
  return texts.map((text) => ({ _text: text })) as unknown as Record<string, unknown>
}

function feedItem(library: Library, article: Article, heroBytes: Map<string, number>): Item {
  const { site } = library
  const url = (path: string) => absoluteUrl(site.url, path)
  const category = library.categoryBySlug.get(article.category)
  const topics = article.topics.flatMap((slug) => library.topicBySlug.get(slug) ?? [])
  const authors = article.authors.map((slug) => library.authorBySlug.get(slug)?.name ?? slug)
  return {
    title: article.title,
    // Without a guid or id the library writes the link as the guid, with isPermaLink="true".
    link: url(article.url),
    date: new Date(article.publishedTime),
    description: article.dek,
    category: [
      ...(category ? [{ name: category.name, domain: url(category.url) }] : []),
      ...topics.map((topic) => ({ name: topic.name, domain: url(topic.url) })),
    ],
    enclosure: {
      url: url(article.hero.src),
      type: imageType(article.hero.src),
      length: heroBytes.get(article.hero.src) ?? 0,
    },
    // RSS's own <author> must be an e-mail address; Dublin Core names the writers.
    extensions: [{ name: 'dc:creator', objects: repeated(authors) }],
  }
}

export interface FeedOptions {
  category?: Category
  /** Hero image sizes in bytes by image path (`heroSizes`); an unknown size is written as 0. */
  heroBytes?: Map<string, number>
}

/** The RSS 2.0 document for the given stories (`feedArticles`). */
export function rssFeedXml(
  library: Library,
  articles: Article[],
  { category, heroBytes = new Map() }: FeedOptions = {},
): string {
  const { site } = library
  const newest = articles[0]
  const feed = new Feed({
    title: category ? `${category.name} | ${site.name}` : site.name,
    description: category?.description ?? site.description,
    id: absoluteUrl(site.url, category?.url ?? '/'),
    link: absoluteUrl(site.url, category?.url ?? '/'),
    feed: absoluteUrl(site.url, feedPath(category)),
    language: site.language,
    image: absoluteUrl(site.url, site.logo.src),
    // The newest story's publication, so the document changes only when the stories do.
    updated: newest ? new Date(newest.publishedTime) : undefined,
    generator: false,
  })
  for (const article of articles) feed.addItem(feedItem(library, article, heroBytes))
  return withDublinCore(feed.rss2())
}

/** The library declares the dc: prefix only alongside content:encoded, which these feeds omit. */
function withDublinCore(xml: string): string {
  if (xml.includes('xmlns:dc=')) return xml
  return xml.replace('<rss version="2.0"', `<rss version="2.0" xmlns:dc="${DC_NS}"`)
}
