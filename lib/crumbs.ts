import type { Article, Gallery, Library } from '@/lib/content'
import { photoUrl } from '@/lib/gallery'

export interface Crumb {
  name: string
  url: string
}

/** The breadcrumb trails, shared by the visible nav and the BreadcrumbList JSON-LD. */
export const HOME: Crumb = { name: 'Home', url: '/' }

export function articleCrumbs(library: Library, article: Article): Crumb[] {
  const category = library.categoryBySlug.get(article.category)
  return [
    HOME,
    { name: category?.name ?? article.category, url: `/${article.category}` },
    { name: article.title, url: article.url },
  ]
}

export function galleryCrumbs(gallery: Gallery, article?: Article): Crumb[] {
  return [
    HOME,
    ...(article ? [{ name: article.title, url: article.url }] : []),
    { name: gallery.title, url: gallery.url },
  ]
}

export function photoCrumbs(gallery: Gallery, n: number): Crumb[] {
  return [
    HOME,
    { name: gallery.title, url: gallery.url },
    { name: 'Slideshow', url: photoUrl(gallery, n) },
  ]
}

export function hubCrumbs(name: string, url: string): Crumb[] {
  return [HOME, { name, url }]
}
