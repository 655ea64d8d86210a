import { JsonLd } from '@/components/seo/json-ld'
import { findArticle, getLibrary } from '@/lib/content'
import { articleCrumbs } from '@/lib/crumbs'
import { articleParams, parseParams } from '@/lib/params'
import { breadcrumbJsonLd, newsArticleJsonLd } from '@/lib/seo/structured-data'
import { isPreview } from '@/lib/preview'

/** NewsArticle and BreadcrumbList for a story, inside <head>. */
export default async function ArticleHead({
  params,
}: {
  params: Promise<{ category: string; slug: string }>
}) {
  const { slug } = await parseParams(params, articleParams)
  const library = await getLibrary({ article: slug })
  const article = findArticle(library, slug, { preview: await isPreview() })
  if (!article) return null
  return (
    <JsonLd
      data={[
        newsArticleJsonLd(library, article),
        breadcrumbJsonLd(library.site, articleCrumbs(library, article)),
      ]}
    />
  )
}
