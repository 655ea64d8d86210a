import type { Metadata } from 'next'
import { ArticleView } from '@/components/article/article-view'
import { NextStory } from '@/components/article/next-story'
import { RelatedTeaser } from '@/components/article/related-teaser'
import { StoryRail } from '@/components/article/story-rail'
import { Breadcrumbs } from '@/components/layout/breadcrumbs'
import { toArticleStory } from '@/lib/article-story'
import { articleCrumbs } from '@/lib/crumbs'
import { moreInCategory, relatedArticles, resolveNext } from '@/lib/content'
import { articleStaticParams, PRERENDER } from '@/lib/prerender'
import { articleRoute } from '@/lib/routes/article'
import { articleMetadata } from '@/lib/seo/metadata'
import { toNextStoryTarget } from '@/lib/story-payload'
import { toTeaser } from '@/lib/teasers'

export const revalidate = 60

/** The newest stories are built ahead; any other renders on its first request, then is cached. */
export async function generateStaticParams() {
  return articleStaticParams(PRERENDER.articles)
}

interface Props {
  params: Promise<{ category: string; slug: string }>
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { library, article, preview } = await articleRoute.page(params)
  const metadata = articleMetadata(library, article)
  // A preview is for the editor: nothing it shows may be indexed, even if a crawler got in.
  return preview ? { ...metadata, robots: { index: false, follow: false } } : metadata
}

export default async function ArticlePage({ params }: Props) {
  const { library, article } = await articleRoute.page(params)
  const story = toArticleStory(library, article)
  const next = resolveNext(library, article)
  const [related] = relatedArticles(library, article, {
    limit: 1,
    exclude: new Set(next ? [next.slug] : []),
  })
  const more = moreInCategory(library, article, 4)
  const category = library.categoryBySlug.get(article.category)
  const timeZone = library.site.timeZone

  return (
    <>
      <Breadcrumbs items={articleCrumbs(library, article)} />
      <ArticleView story={story} />
      {next && (
        <NextStory
          from={article.slug}
          next={toNextStoryTarget(next)}
          siteName={library.site.name}
        />
      )}
      {related && (
        <RelatedTeaser
          story={toTeaser(library, related.article)}
          reason={related.reason}
          timeZone={timeZone}
        />
      )}
      {category && (
        <StoryRail
          title={`More in ${category.name}`}
          stories={more.map((other) => toTeaser(library, other))}
          timeZone={timeZone}
          more={{ href: category.url, label: `All ${category.name}` }}
        />
      )}
    </>
  )
}
