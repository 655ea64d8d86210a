import { cache } from 'react'
import {
  findArticle,
  findGallery,
  getLibrary,
  type Article,
  type Gallery,
  type Site,
  type Slide,
} from '@/lib/content'
import { photoParams, slugParams } from '@/lib/params'
import { isPreview } from '@/lib/preview'
import { defineRoute, MISSING, type Lookup } from './lookup'

export interface GalleryRoute {
  site: Site
  gallery: Gallery
  /** The story the gallery belongs to, when the reader may see it. */
  article: Article | undefined
}

export interface PhotoRoute extends GalleryRoute {
  slide: Slide
  /** The photo's 1-based number in the gallery. */
  n: number
}

const lookupGallery = cache(async (slug: string): Promise<Lookup<GalleryRoute>> => {
  const library = await getLibrary({ gallery: slug })
  const preview = await isPreview()
  const gallery = findGallery(library, slug, { preview })
  if (!gallery) return MISSING
  const article = gallery.article ? findArticle(library, gallery.article, { preview }) : undefined
  return { found: { site: library.site, gallery, article } }
})

/** `/gallery/[slug]`: every photo on one page. */
export const galleryRoute = defineRoute(slugParams, ({ slug }) => lookupGallery(slug))

/** `/gallery/[slug]/[n]`: one photo; past the last one is a 404. */
export const photoRoute = defineRoute(
  photoParams,
  async ({ slug, n }): Promise<Lookup<PhotoRoute>> => {
    const outcome = await lookupGallery(slug)
    if (!('found' in outcome)) return outcome
    const slide = outcome.found.gallery.slides[n - 1]
    return slide ? { found: { ...outcome.found, slide, n } } : MISSING
  },
)
