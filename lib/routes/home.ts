import { cache } from 'react'
import {
  editorsPicks,
  getLibrary,
  publishedArticles,
  publishedGalleries,
  type Article,
  type Category,
  type Site,
} from '@/lib/content'
import { toGalleryTeaser, toTeaser, type GalleryTeaser, type StoryTeaser } from '@/lib/teasers'

export interface HomeRoute {
  site: Site
  lead: StoryTeaser | undefined
  latest: StoryTeaser[]
  picks: StoryTeaser[]
  galleries: GalleryTeaser[]
  /** One rail per category, in the library's order. */
  sections: { category: Category; stories: StoryTeaser[] }[]
}

/** `/`: the lead story, the latest, the editors' picks, galleries and one rail per category. */
export const homeRoute = cache(async (): Promise<HomeRoute> => {
  const library = await getLibrary()
  const teaser = (article: Article) => toTeaser(library, article)
  const [lead, ...rest] = publishedArticles(library)
  return {
    site: library.site,
    lead: lead && teaser(lead),
    latest: rest.slice(0, 6).map(teaser),
    picks: editorsPicks(library)
      .filter((article) => article.slug !== lead?.slug)
      .slice(0, 4)
      .map(teaser),
    galleries: publishedGalleries(library)
      .slice(0, 3)
      .map(toGalleryTeaser)
      .filter((gallery) => gallery !== undefined),
    sections: library.categories.map((category) => ({
      category,
      stories: publishedArticles(library, { category: category.slug }).slice(0, 5).map(teaser),
    })),
  }
})
