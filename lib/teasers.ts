import type { Article, ContentImage, Gallery, Library } from '@/lib/content'

/** What a card needs to show a story, resolved from the library once. */
export interface StoryTeaser {
  slug: string
  url: string
  title: string
  dek: string
  hero: ContentImage
  category: { name: string; url: string }
  authors: string[]
  publishedAt: string
  readingMinutes: number
  /** A review's score out of 5, shown as stars on its cards. */
  score?: number
  /** A live story's coverage, so its cards say "Live" while it is open. */
  live?: { start: string; end?: string }
}

export function toTeaser(library: Library, article: Article): StoryTeaser {
  const category = library.categoryBySlug.get(article.category)
  return {
    slug: article.slug,
    url: article.url,
    title: article.title,
    dek: article.dek,
    hero: article.hero,
    category: { name: category?.name ?? article.category, url: `/${article.category}` },
    authors: article.authors.map((slug) => library.authorBySlug.get(slug)?.name ?? slug),
    publishedAt: article.publishedAt,
    readingMinutes: article.readingMinutes,
    ...(article.review && { score: article.review.score }),
    ...(article.live && {
      live: { start: article.live.start, ...(article.live.end && { end: article.live.end }) },
    }),
  }
}

export interface GalleryTeaser {
  slug: string
  url: string
  title: string
  dek: string
  cover: ContentImage
  count: number
}

export function toGalleryTeaser(gallery: Gallery): GalleryTeaser | undefined {
  const [cover] = gallery.slides
  if (!cover) return undefined
  return {
    slug: gallery.slug,
    url: gallery.url,
    title: gallery.title,
    dek: gallery.dek,
    cover,
    count: gallery.slides.length,
  }
}
