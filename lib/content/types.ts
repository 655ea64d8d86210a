import type { Root } from 'hast'
import type { VideoAttributes } from './checks/formats'
import type { ReviewInput, StoryFormat } from './schema'

export type { StoryFormat, VideoAttributes }
export type Review = ReviewInput

/** One entry of a live story, as its `:::update{at="…"}` says (the body is in the tree). */
export interface LiveUpdate {
  /** The entry's anchor on the page, from its time: `update-1789432500`. */
  id: string
  at: string
  time: number
  title?: string
  pinned: boolean
}

export interface LiveCoverage {
  start: string
  end?: string
  /** Newest first. */
  updates: LiveUpdate[]
}

/** An image with the pixel size read from its file, so every page reserves its space. */
export interface ContentImage {
  src: string
  width: number
  height: number
  alt: string
  caption?: string
  credit?: string
}

export interface Site {
  name: string
  tagline: string
  description: string
  url: string
  language: string
  timeZone: string
  logo: ContentImage
  social: { name: string; url: string }[]
  editorsPicks: string[]
}

export interface Category {
  slug: string
  name: string
  description: string
  order: number
  redirectFrom: string[]
  url: string
}

export interface Topic {
  slug: string
  name: string
  kind: string
  description: string
  sameAs: string[]
  url: string
}

export interface Author {
  slug: string
  file: string
  url: string
  name: string
  role: string
  avatar: ContentImage
  sameAs: string[]
  bio: Root
}

/** What the publishing rule needs to know about anything that can be published. */
export interface Publishable {
  draft: boolean
  /** publishedAt as epoch milliseconds. */
  publishedTime: number
}

export interface ArticleUpdate {
  at: string
  time: number
  note: string
}

export interface Article extends Publishable {
  slug: string
  format: StoryFormat
  /** A ranked list: its entries count down (20 to 1) or up. */
  list?: { order: 'down' | 'up' }
  review?: Review
  live?: LiveCoverage
  /** The body's `::video` directives, in order. */
  videos: VideoAttributes[]
  file: string
  url: string
  title: string
  dek: string
  category: string
  topics: string[]
  authors: string[]
  /** ISO 8601 with the editor's offset, exactly as written. */
  publishedAt: string
  updates: ArticleUpdate[]
  /** The newest update's (or live entry's) time, or publishedAt. */
  modifiedAt: string
  hero: ContentImage
  gallery?: string
  next?: string
  related: string[]
  source?: { name: string; url: string }
  spoilers: boolean | string
  /** The parsed body, built when first read (see body.ts). */
  body: Root
  /** The image paths in the body, in order, known without building the body. */
  bodyImages: string[]
  wordCount: number
  readingMinutes: number
  redirectFrom: string[]
}

export interface Slide extends ContentImage {
  title?: string
  creator?: string
  copyrightNotice?: string
  license?: string
}

export interface Gallery extends Publishable {
  slug: string
  file: string
  url: string
  title: string
  dek: string
  publishedAt: string
  article?: string
  credit?: string
  slides: Slide[]
}

export interface Library {
  root: string
  site: Site
  categories: Category[]
  topics: Topic[]
  authors: Author[]
  /** Every valid article, drafts and scheduled included, newest first. */
  articles: Article[]
  galleries: Gallery[]
  categoryBySlug: Map<string, Category>
  topicBySlug: Map<string, Topic>
  authorBySlug: Map<string, Author>
  articleBySlug: Map<string, Article>
  galleryBySlug: Map<string, Gallery>
  /** Old slug → the slug of the story that now lives elsewhere. */
  redirects: Map<string, string>
  /** Old section slug → the slug of the section that replaced it. */
  categoryRedirects: Map<string, string>
}
