import { JsonLd } from '@/components/seo/json-ld'
import { articleCrumbs } from '@/lib/crumbs'
import { articleRoute } from '@/lib/routes/article'
import { breadcrumbJsonLd, newsArticleJsonLd } from '@/lib/seo/structured-data'

/** NewsArticle and BreadcrumbList for a story, inside <head>. */
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
        newsArticleJsonLd(library, article),
        breadcrumbJsonLd(library.site, articleCrumbs(library, article)),
      ]}
    />
  )
}
