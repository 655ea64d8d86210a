/**
 * What `next build` prerenders. Every other page renders on its first request and is then
 * cached and revalidated like a prerendered one (ISR: `revalidate = 60`, dynamic params stay
 * allowed). Build time and memory follow these numbers, not the size of the library: readers
 * mostly ask for the newest stories and the first page of a hub.
 */
import {
  getLibrary,
  publishedArticles,
  publishedGalleries,
  type ArticleFilter,
  type Library,
} from '@/lib/content'

export const PRERENDER = {
  /** The newest published stories. */
  articles: 200,
  /** Social cards of the newest stories (drawn with satori: the costly part of a build). */
  articleCards: 50,
  /** The newest galleries' view-all pages and social cards. */
  galleries: 20,
  /** The newest galleries whose every photo page is prerendered. */
  galleryPhotos: 5,
  /** Page 1 of the topic and author hubs with the most stories (and their social cards). */
  topics: 50,
  authors: 50,
  /** Numbered hub pages (`/tv/page/2`) render on request: none are prerendered. */
} as const

export function newestArticles(library: Library, count: number) {
  return publishedArticles(library).slice(0, count)
}

export function newestGalleries(library: Library, count: number) {
  return publishedGalleries(library).slice(0, count)
}

/** The `count` hubs with the most published stories (ties: in the library's order). */
export function busiestHubs<T extends { slug: string }>(
  library: Library,
  hubs: T[],
  filterOf: (hub: T) => ArticleFilter,
  count: number,
): T[] {
  if (hubs.length <= count) return hubs
  return hubs
    .map((hub, index) => ({
      hub,
      index,
      stories: publishedArticles(library, filterOf(hub)).length,
    }))
    .sort((a, b) => b.stories - a.stories || a.index - b.index)
    .slice(0, count)
    .map(({ hub }) => hub)
}

/** Params of the topic hubs (and their social cards) that `next build` prerenders. */
export async function topicStaticParams(): Promise<{ slug: string }[]> {
  const library = await getLibrary()
  return busiestHubs(
    library,
    library.topics,
    ({ slug }) => ({ topic: slug }),
    PRERENDER.topics,
  ).map(({ slug }) => ({ slug }))
}

/** Params of the author hubs (and their social cards) that `next build` prerenders. */
export async function authorStaticParams(): Promise<{ slug: string }[]> {
  const library = await getLibrary()
  return busiestHubs(
    library,
    library.authors,
    ({ slug }) => ({ author: slug }),
    PRERENDER.authors,
  ).map(({ slug }) => ({ slug }))
}

/** Params of the newest stories' pages (`count`: PRERENDER.articles) or social cards. */
export async function articleStaticParams(
  count: number,
): Promise<{ category: string; slug: string }[]> {
  const library = await getLibrary()
  return newestArticles(library, count).map(({ category, slug }) => ({ category, slug }))
}

/** Params of the newest galleries' view-all pages and social cards. */
export async function galleryStaticParams(): Promise<{ slug: string }[]> {
  const library = await getLibrary()
  return newestGalleries(library, PRERENDER.galleries).map(({ slug }) => ({ slug }))
}

/** Params of every photo page of the newest galleries. */
export async function photoStaticParams(): Promise<{ slug: string; n: string }[]> {
  const library = await getLibrary()
  return newestGalleries(library, PRERENDER.galleryPhotos).flatMap((gallery) =>
    gallery.slides.map((_, index) => ({ slug: gallery.slug, n: String(index + 1) })),
  )
}

/** Params of every category hub, its social card and its feed. */
export async function categoryStaticParams(): Promise<{ category: string }[]> {
  const library = await getLibrary()
  return library.categories.map(({ slug }) => ({ category: slug }))
}
