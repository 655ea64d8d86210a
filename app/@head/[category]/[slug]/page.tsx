import { JsonLd } from '@/components/seo/json-ld'
import { articleCrumbs } from '@/lib/crumbs'
import { articleRoute } from '@/lib/routes/article'
import { formatJsonLd, liveBlogPostingJsonLd } from '@/lib/seo/formats'
import { breadcrumbJsonLd, newsArticleJsonLd } from '@/lib/seo/structured-data'

/**
 * NewsArticle (LiveBlogPosting for live coverage) and BreadcrumbList for a story, then what its
 * format adds (ItemList, Review, VideoObject), inside <head>.
 */
export default async function ArticleHead({
  params,
}: {
  params: Promise<{ category: string; slug: string }>
}) {
  const route = await articleRoute.head(params)
  if (!route) return null
  const { library, article } = route
  return (
    <JsonLd
      data={[
        liveBlogPostingJsonLd(library, article) ?? newsArticleJsonLd(library, article),
        breadcrumbJsonLd(library.site, articleCrumbs(library, article)),
        ...formatJsonLd(library, article),
      ]}
    />
  )
}
