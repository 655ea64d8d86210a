/**
 * The content API: the only way the app reads content/. Everything returned is validated,
 * resolved and filtered by the publishing rule.
 */
import { candidatesFor } from './lists'
import { isPublished } from './publishing'
import type { Article, Author, Category, Gallery, Library, StoryFormat, Topic } from './types'

export { checkForChangesNow, getLibrary, libraryRevision } from './library'
export { isPublished } from './publishing'
export { ContentError, formatIssue } from './errors'
export type { ContentIssue } from './errors'
export type * from './types'

export interface Page<T> {
  items: T[]
  page: number
  pageCount: number
  total: number
}

/** Slices a list into 1-based pages; undefined for a page past the last (a 404). */
export function paginate<T>(items: T[], page: number, perPage: number): Page<T> | undefined {
  const pageCount = Math.max(1, Math.ceil(items.length / perPage))
  if (!Number.isInteger(page) || page < 1 || page > pageCount) return undefined
  return {
    items: items.slice((page - 1) * perPage, page * perPage),
    page,
    pageCount,
    total: items.length,
  }
}

export interface ArticleFilter {
  category?: string
  topic?: string
  author?: string
  format?: StoryFormat
}

/** Published articles, newest first, optionally narrowed to a category, topic or author. */
export function publishedArticles(
  library: Library,
  filter: ArticleFilter = {},
  now = Date.now(),
): Article[] {
  return candidatesFor(library, filter).filter(
    (article) =>
      isPublished(article, now) &&
      (!filter.category || article.category === filter.category) &&
      (!filter.topic || article.topics.includes(filter.topic)) &&
      (!filter.author || article.authors.includes(filter.author)) &&
      (!filter.format || article.format === filter.format),
  )
}

export function publishedGalleries(library: Library, now = Date.now()): Gallery[] {
  return library.galleries.filter((gallery) => isPublished(gallery, now))
}

/** Who is looking: the public at `now`, or an editor in preview who sees everything. */
export interface Visibility {
  now?: number
  preview?: boolean
}

/** A published story; in preview (`preview: true`) drafts and scheduled stories too. */
export function findArticle(
  library: Library,
  slug: string,
  { now = Date.now(), preview = false }: Visibility = {},
): Article | undefined {
  const article = library.articleBySlug.get(slug)
  return article && (preview || isPublished(article, now)) ? article : undefined
}

/** A published gallery; in preview drafts and scheduled galleries too. */
export function findGallery(
  library: Library,
  slug: string,
  { now = Date.now(), preview = false }: Visibility = {},
): Gallery | undefined {
  const gallery = library.galleryBySlug.get(slug)
  return gallery && (preview || isPublished(gallery, now)) ? gallery : undefined
}

/** What preview adds to the public site: drafts and scheduled items, next to be published first. */
export function unpublished(library: Library, now = Date.now()) {
  const waiting = <T extends Article | Gallery>(items: T[]) =>
    items
      .filter((item) => !isPublished(item, now))
      .sort((a, b) => Number(a.draft) - Number(b.draft) || a.publishedTime - b.publishedTime)
  return { articles: waiting(library.articles), galleries: waiting(library.galleries) }
}

export function findCategory(library: Library, slug: string): Category | undefined {
  return library.categoryBySlug.get(slug)
}

/** The section that replaced an old section slug (categories.yaml `redirectFrom`). */
export function movedCategory(library: Library, slug: string): Category | undefined {
  const moved = library.categoryRedirects.get(slug)
  return moved ? library.categoryBySlug.get(moved) : undefined
}

export function findAuthor(library: Library, slug: string): Author | undefined {
  return library.authorBySlug.get(slug)
}

export function findTopic(library: Library, slug: string): Topic | undefined {
  return library.topicBySlug.get(slug)
}

/** The newest published stories of the article's category, without the article itself. */
export function moreInCategory(
  library: Library,
  article: Article,
  count: number,
  now = Date.now(),
) {
  return publishedArticles(library, { category: article.category }, now)
    .filter((other) => other.slug !== article.slug)
    .slice(0, count)
}

/** The editors' picks from site.yaml that are published, in the editors' order. */
export function editorsPicks(library: Library, now = Date.now()): Article[] {
  return library.site.editorsPicks
    .map((slug) => findArticle(library, slug, { now }))
    .filter((article) => article !== undefined)
}
export { relatedArticles, resolveNext, type RelatedPick } from './related'
export { CROPS, readContentImage, renderImage, type Crop } from './media'
export { bodyText } from './plain-text'
