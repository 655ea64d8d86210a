import type { Metadata } from 'next'
import { notFound, permanentRedirect } from 'next/navigation'
import { ArticleView } from '@/components/article/article-view'
import { NextStory } from '@/components/article/next-story'
import { RelatedTeaser } from '@/components/article/related-teaser'
import { StoryRail } from '@/components/article/story-rail'
import { Breadcrumbs } from '@/components/layout/breadcrumbs'
import { toArticleStory } from '@/lib/article-story'
import { articleCrumbs } from '@/lib/crumbs'
import {
  findArticle,
  getLibrary,
  moreInCategory,
  relatedArticles,
  resolveNext,
} from '@/lib/content'
import { articleParams, parseParams } from '@/lib/params'
import { newestArticles, PRERENDER } from '@/lib/prerender'
import { articleMetadata } from '@/lib/seo/metadata'
import { toNextStoryTarget } from '@/lib/story-payload'
import { toTeaser } from '@/lib/teasers'
import { isPreview } from '@/lib/preview'

export const revalidate = 60

/** The newest stories are built ahead; any other renders on its first request, then is cached. */
export async function generateStaticParams() {
  const library = await getLibrary()
  return newestArticles(library, PRERENDER.articles).map((article) => ({
    category: article.category,
    slug: article.slug,
  }))
}

interface Props {
  params: Promise<{ category: string; slug: string }>
}

async function loadArticle(params: Props['params']) {
  const { category, slug } = await parseParams(params, articleParams)
  const library = await getLibrary({ article: slug })
  const moved = library.redirects.get(slug)
  const preview = await isPreview()
  const article = findArticle(library, moved ?? slug, { preview })
  if (!article) notFound()
  if (moved) permanentRedirect(article.url)
  // A story moved to another section keeps working at its old address.
  if (article.category !== category) permanentRedirect(article.url)
  return { library, article, preview }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { library, article, preview } = await loadArticle(params)
  const metadata = articleMetadata(library, article)
  // A preview is for the editor: nothing it shows may be indexed, even if a crawler got in.
  return preview ? { ...metadata, robots: { index: false, follow: false } } : metadata
}

export default async function ArticlePage({ params }: Props) {
  const { library, article } = await loadArticle(params)
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
