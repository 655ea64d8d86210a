import type { Root } from 'hast'
import {
  findGallery,
  type Article,
  type ContentImage,
  type Gallery,
  type Library,
  type LiveUpdate,
  type Review,
  type StoryFormat,
} from '@/lib/content'
import { liveStatus } from '@/lib/formats'
import { absoluteUrl } from '@/lib/seo/json-ld'

/** A live story as the page shows it: open or closed when rendered, its updates newest first. */
export interface LiveStory {
  start: string
  end?: string
  status: 'live' | 'ended' | 'upcoming'
  updates: LiveUpdate[]
}

/** Everything the article view renders, resolved from the library (plain data, no lookups). */
export interface ArticleStory {
  slug: string
  format: StoryFormat
  list?: { order: 'down' | 'up' }
  review?: Review
  live?: LiveStory
  url: string
  /** The absolute canonical address, what a reader shares. */
  canonicalUrl: string
  title: string
  dek: string
  category: { name: string; url: string }
  authors: { name: string; url: string; role: string }[]
  topics: { name: string; url: string }[]
  publishedAt: string
  modifiedAt: string
  updates: { at: string; note: string }[]
  hero: ContentImage
  body: Root
  readingMinutes: number
  spoilers: boolean | string
  source?: { name: string; url: string }
  gallery?: Gallery
  /** Galleries embedded in the body with ::gallery. */
  embeddedGalleries: Gallery[]
  timeZone: string
}

export function toArticleStory(library: Library, article: Article, now = Date.now()): ArticleStory {
  const category = library.categoryBySlug.get(article.category)
  return {
    slug: article.slug,
    format: article.format,
    ...(article.list && { list: article.list }),
    ...(article.review && { review: article.review }),
    ...(article.live && {
      live: {
        start: article.live.start,
        ...(article.live.end && { end: article.live.end }),
        status: liveStatus(article.live, now),
        updates: article.live.updates,
      },
    }),
    url: article.url,
    canonicalUrl: absoluteUrl(library.site.url, article.url),
    title: article.title,
    dek: article.dek,
    category: { name: category?.name ?? article.category, url: `/${article.category}` },
    authors: article.authors.flatMap((slug) => {
      const author = library.authorBySlug.get(slug)
      return author ? [{ name: author.name, url: author.url, role: author.role }] : []
    }),
    topics: article.topics.flatMap((slug) => {
      const topic = library.topicBySlug.get(slug)
      return topic ? [{ name: topic.name, url: topic.url }] : []
    }),
    publishedAt: article.publishedAt,
    modifiedAt: article.modifiedAt,
    updates: article.updates.map(({ at, note }) => ({ at, note })),
    hero: article.hero,
    body: article.body,
    readingMinutes: article.readingMinutes,
    spoilers: article.spoilers,
    source: article.source,
    gallery: article.gallery ? findGallery(library, article.gallery, { now: now }) : undefined,
    embeddedGalleries: embeddedGallerySlugs(article.body)
      .map((slug) => findGallery(library, slug, { now: now }))
      .filter((gallery) => gallery !== undefined),
    timeZone: library.site.timeZone,
  }
}

function embeddedGallerySlugs(tree: Root): string[] {
  const slugs: string[] = []
  const walk = (node: Root | Root['children'][number]) => {
    if (node.type === 'element' && typeof node.properties.dataGallery === 'string') {
      slugs.push(node.properties.dataGallery)
    }
    if ('children' in node) node.children.forEach(walk)
  }
  walk(tree)
  return slugs
}
