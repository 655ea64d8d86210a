import { cache } from 'react'
import { findArticle, getLibrary, type Article, type Library } from '@/lib/content'
import { articleParams } from '@/lib/params'
import { isPreview } from '@/lib/preview'
import { defineRoute, MISSING, type Lookup } from './lookup'

export interface ArticleRoute {
  library: Library
  article: Article
  /** An editor in preview: drafts and scheduled stories show, and nothing may be indexed. */
  preview: boolean
}

const lookupArticle = cache(
  async (category: string, slug: string): Promise<Lookup<ArticleRoute>> => {
    const library = await getLibrary({ article: slug })
    const moved = library.redirects.get(slug)
    const preview = await isPreview()
    const article = findArticle(library, moved ?? slug, { preview })
    if (!article) return MISSING
    // A renamed story, or one moved to another section, keeps working at its old address.
    if (moved || article.category !== category) return { movedTo: article.url }
    return { found: { library, article, preview } }
  },
)

/** `/[category]/[slug]`: a story; its social card follows the same rules, so a draft's stays private. */
export const articleRoute = defineRoute(articleParams, ({ category, slug }) =>
  lookupArticle(category, slug),
)
