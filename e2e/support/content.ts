/**
 * What the bundled content library says should be on the site, read straight from its files so
 * the expectations follow the content rather than copies of it. Only frontmatter is read here:
 * rendering stays the app's job.
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import matter from 'gray-matter'
import { parse } from 'yaml'

const contentDir = path.resolve(process.env.CONTENT_DIR ?? 'content')

export interface ArticleMeta {
  slug: string
  title: string
  category: string
  authors: string[]
  topics: string[]
  publishedTime: number
  draft: boolean
  url: string
}

export interface CategoryMeta {
  slug: string
  name: string
  url: string
}

function readArticles(): ArticleMeta[] {
  const dir = path.join(contentDir, 'articles')
  return readdirSync(dir)
    .filter((file) => file.endsWith('.md'))
    .map((file) => {
      const { data } = matter(readFileSync(path.join(dir, file), 'utf8'))
      const slug = file.replace(/\.md$/, '')
      return {
        slug,
        title: String(data.title),
        category: String(data.category),
        authors: (data.authors as string[] | undefined) ?? [],
        topics: (data.topics as string[] | undefined) ?? [],
        publishedTime: Date.parse(String(data.publishedAt)),
        draft: data.draft === true,
        url: `/${String(data.category)}/${slug}`,
      }
    })
}

export const articles: ArticleMeta[] = readArticles()

/** The publishing rule, as lib/content/publishing.ts applies it: not a draft, and publishedAt has come. */
export function isPublished(article: ArticleMeta, now = Date.now()): boolean {
  return !article.draft && article.publishedTime <= now
}

/** Published stories, newest first, as every list on the site orders them. */
export function publishedArticles(filter: (article: ArticleMeta) => boolean = () => true) {
  return articles
    .filter((article) => isPublished(article) && filter(article))
    .sort((a, b) => b.publishedTime - a.publishedTime)
}

export const drafts: ArticleMeta[] = articles.filter((article) => article.draft)

export const categories: CategoryMeta[] = (
  parse(readFileSync(path.join(contentDir, 'categories.yaml'), 'utf8')) as {
    slug: string
    name: string
    order: number
  }[]
)
  .sort((a, b) => a.order - b.order)
  .map(({ slug, name }) => ({ slug, name, url: `/${slug}` }))

/** Stories per hub page (lib/hubs.ts). */
export const STORIES_PER_PAGE = 12
