import {
  paginate,
  publishedArticles,
  publishedGalleries,
  type ArticleFilter,
  type Library,
} from '@/lib/content'
import { toGalleryTeaser, toTeaser, type GalleryTeaser } from '@/lib/teasers'

export const STORIES_PER_PAGE = 12

/** One page of a hub's published stories as teasers; undefined past the last page. */
export function hubPage(library: Library, filter: ArticleFilter, page: number) {
  const stories = paginate(publishedArticles(library, filter), page, STORIES_PER_PAGE)
  return (
    stories && { ...stories, items: stories.items.map((article) => toTeaser(library, article)) }
  )
}

export function hubPageCount(library: Library, filter: ArticleFilter): number {
  return Math.max(1, Math.ceil(publishedArticles(library, filter).length / STORIES_PER_PAGE))
}

/** `/tv`, `/tv/page/2`: page 1 is the hub's own address. */
export function pagedUrl(base: string, page: number): string {
  return page === 1 ? base : `${base}/page/${page}`
}

/** Published galleries whose published story belongs to the hub, newest first. */
export function hubGalleries(library: Library, filter: ArticleFilter, limit = 3): GalleryTeaser[] {
  const stories = new Set(publishedArticles(library, filter).map((article) => article.slug))
  return publishedGalleries(library)
    .filter((gallery) => gallery.article && stories.has(gallery.article))
    .slice(0, limit)
    .map(toGalleryTeaser)
    .filter((teaser) => teaser !== undefined)
}
