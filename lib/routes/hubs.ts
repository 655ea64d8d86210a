import { cache } from 'react'
import {
  findAuthor,
  findCategory,
  findTopic,
  getLibrary,
  movedCategory,
  type ArticleFilter,
  type Author,
  type Category,
  type Library,
  type Page,
  type Site,
  type Topic,
} from '@/lib/content'
import { hubGalleries, hubPage, pagedUrl } from '@/lib/hubs'
import {
  categoryPageParams,
  categoryParams,
  pageParams,
  slugPageParams,
  slugParams,
} from '@/lib/params'
import type { GalleryTeaser, StoryTeaser } from '@/lib/teasers'
import { defineRoute, MISSING, type Lookup } from './lookup'

/** One page of a category, topic or author hub, resolved to what the hub view shows. */
export interface HubRoute<Hub> {
  site: Site
  hub: Hub
  stories: Page<StoryTeaser>
  /** Galleries of the hub's stories (the view shows them on page 1). */
  galleries: GalleryTeaser[]
}

function hubAt<Hub>(
  library: Library,
  hub: Hub,
  filter: ArticleFilter,
  page: number,
): Lookup<HubRoute<Hub>> {
  const stories = hubPage(library, filter, page)
  if (!stories) return MISSING
  return { found: { site: library.site, hub, stories, galleries: hubGalleries(library, filter) } }
}

/** `/x/page/1` is the hub's own address, `/x`. */
function pageOne<Hub extends { url: string }>(outcome: Lookup<HubRoute<Hub>>, n: number) {
  return n === 1 && 'found' in outcome ? { movedTo: outcome.found.hub.url } : outcome
}

const lookupCategory = cache(
  async (slug: string, page: number): Promise<Lookup<HubRoute<Category>>> => {
    const library = await getLibrary()
    const category = findCategory(library, slug)
    if (category) return hubAt(library, category, { category: slug }, page)
    // A renamed section (categories.yaml `redirectFrom`) keeps its old addresses working.
    const moved = movedCategory(library, slug)
    return moved ? { movedTo: pagedUrl(moved.url, page) } : MISSING
  },
)

const lookupTopic = cache(async (slug: string, page: number): Promise<Lookup<HubRoute<Topic>>> => {
  const library = await getLibrary()
  const topic = findTopic(library, slug)
  return topic ? hubAt(library, topic, { topic: slug }, page) : MISSING
})

const lookupAuthor = cache(
  async (slug: string, page: number): Promise<Lookup<HubRoute<Author>>> => {
    const library = await getLibrary()
    const author = findAuthor(library, slug)
    return author ? hubAt(library, author, { author: slug }, page) : MISSING
  },
)

/** `/[category]`, and its RSS feed. */
export const categoryRoute = defineRoute(categoryParams, ({ category }) =>
  lookupCategory(category, 1),
)

/** `/[category]/page/[n]`. */
export const categoryPageRoute = defineRoute(categoryPageParams, async ({ category, n }) =>
  pageOne(await lookupCategory(category, n), n),
)

/** `/topic/[slug]`. */
export const topicRoute = defineRoute(slugParams, ({ slug }) => lookupTopic(slug, 1))

/** `/topic/[slug]/page/[n]`. */
export const topicPageRoute = defineRoute(slugPageParams, async ({ slug, n }) =>
  pageOne(await lookupTopic(slug, n), n),
)

/** `/author/[slug]`. */
export const authorRoute = defineRoute(slugParams, ({ slug }) => lookupAuthor(slug, 1))

/** `/author/[slug]/page/[n]`. */
export const authorPageRoute = defineRoute(slugPageParams, async ({ slug, n }) =>
  pageOne(await lookupAuthor(slug, n), n),
)

/** The reviews hub: every published review, newest first, each card with its score. */
export interface ReviewsHub {
  name: string
  description: string
  url: string
}

export const REVIEWS_HUB: ReviewsHub = {
  name: 'Reviews',
  description:
    'Our critics on the latest seasons, films, games, books and albums, each with a verdict and a score out of five.',
  url: '/reviews',
}

const lookupReviews = cache(async (page: number): Promise<Lookup<HubRoute<ReviewsHub>>> => {
  const library = await getLibrary()
  return hubAt(library, REVIEWS_HUB, { format: 'review' }, page)
})

/** `/reviews`. */
export async function reviewsRoute(): Promise<HubRoute<ReviewsHub>> {
  const outcome = await lookupReviews(1)
  if (!('found' in outcome)) throw new Error('page 1 of a hub always exists')
  return outcome.found
}

/** `/reviews/page/[n]`. */
export const reviewsPageRoute = defineRoute(pageParams, async ({ n }) =>
  pageOne(await lookupReviews(n), n),
)
