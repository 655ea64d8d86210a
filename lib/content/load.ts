/**
 * Loading a content library, as the list of its steps: each kind of file has its loader in
 * loaders/, each kind of check its module in checks/, and the speed layer (what makes a load of
 * 100,000 stories take seconds, and its plain-path switch) lives in speed/.
 */
import {
  checkArticleReferences,
  checkGalleryArticles,
  warnAboutEditorsPicks,
} from './checks/references'
import { checkTombstones, collectRedirects } from './checks/redirects'
import type { ContentIssue } from './errors'
import { loadArticles } from './loaders/articles'
import { loadAuthors } from './loaders/authors'
import { loadCategories } from './loaders/categories'
import { fileSlug, listFiles, newestFirst, type LoadContext } from './loaders/context'
import { loadGalleries } from './loaders/galleries'
import { loadSite } from './loaders/site'
import { loadTombstones } from './loaders/tombstones'
import { loadTopics } from './loaders/topics'
import type { Gallery, Library } from './types'

export interface LoadOptions {
  /** The moment the checks take as now (scheduled stories, links to them). */
  now?: number
  /**
   * The library a running server serves now. A file that fails to load keeps its last good
   * version from here, so an editor's mistake never takes a published page down.
   */
  previous?: Library
  /**
   * Folder of the on-disk cache of per-file results (speed/file-cache.ts); without it every
   * file is read and parsed.
   */
  cacheDir?: string
  /** False runs the plain path: remark and `yaml` only, no cache (speed/index.ts). */
  fastPath?: boolean
}

export interface LoadResult {
  /** Undefined only when site.yaml or categories.yaml is unusable. */
  library?: Library
  issues: ContentIssue[]
}

/** Reads, validates and cross-checks a whole content library. Files with errors are left out. */
export async function loadLibrary(root: string, options: LoadOptions = {}): Promise<LoadResult> {
  const issues: ContentIssue[] = []
  const fast = options.fastPath ?? true
  const ctx: LoadContext = {
    root,
    report: (issue, severity = 'error') => issues.push({ severity, ...issue }),
    now: options.now ?? Date.now(),
    previous: options.previous?.root === root ? options.previous : undefined,
    cacheDir: fast ? options.cacheDir : undefined,
    fast,
    images: new Map(),
  }

  const site = await loadSite(ctx)
  const sections = await loadCategories(ctx)
  const topics = await loadTopics(ctx)
  const tombstones = await loadTombstones(ctx)
  // Each folder is listed once: the loaders read these files, and the reference checks use
  // their names to tell a missing file from one that exists but has errors of its own.
  const authorFiles = await listFiles(ctx, 'authors', /\.md$/)
  const galleryFiles = await listFiles(ctx, 'galleries', /\.ya?ml$/)
  const articleFiles = await listFiles(ctx, 'articles', /\.md$/)
  const authors = await loadAuthors(ctx, authorFiles)
  const galleries = await loadGalleries(ctx, galleryFiles)
  const articles = await loadArticles(ctx, articleFiles)
  if (!site || !sections) return { issues }

  const files = {
    articles: new Set(articleFiles.map(fileSlug)),
    galleries: new Set(galleryFiles.map(fileSlug)),
    authors: new Set(authorFiles.map(fileSlug)),
  }
  const { categories, redirects: categoryRedirects } = sections
  const categoryBySlug = new Map(categories.map((category) => [category.slug, category]))
  const topicBySlug = new Map(topics.map((topic) => [topic.slug, topic]))
  const authorBySlug = new Map(authors.map((author) => [author.slug, author]))
  const galleryBySlug = new Map(galleries.map((gallery) => [gallery.slug, gallery]))
  const allArticles = new Map(articles.map(({ article }) => [article.slug, article]))
  const redirects = collectRedirects(articles, allArticles, ctx.report)
  const removed = new Set(tombstones?.value?.map((tombstone) => tombstone.path))
  const known = { categoryBySlug, categoryRedirects, topicBySlug, authorBySlug, galleryBySlug }
  const articleBySlug = checkArticleReferences(ctx, articles, {
    ...known,
    articleBySlug: allArticles,
    redirects,
    removed,
    files,
  })
  checkGalleryArticles(ctx, galleries, articleBySlug, files)

  const finalGalleries: Gallery[] = [...galleryBySlug.values()]
    .map(({ article, ...gallery }) => ({
      ...gallery,
      article: article && articleBySlug.has(article.slug) ? article.slug : undefined,
    }))
    .sort(newestFirst)
  const library: Library = {
    root,
    site,
    categories,
    topics,
    authors,
    articles: [...articleBySlug.values()].sort(newestFirst),
    galleries: finalGalleries,
    categoryBySlug,
    topicBySlug,
    authorBySlug,
    articleBySlug,
    galleryBySlug: new Map(finalGalleries.map((gallery) => [gallery.slug, gallery])),
    redirects,
    categoryRedirects,
  }
  warnAboutEditorsPicks(library, ctx.report)
  if (tombstones) checkTombstones(ctx, library, tombstones)
  return { library, issues: dedupe(issues) }
}

/** A finding reached twice (a file read by two steps) is reported once. */
function dedupe(issues: ContentIssue[]): ContentIssue[] {
  const seen = new Set<string>()
  return issues.filter((issue) => {
    const key = `${issue.file}:${issue.line}:${issue.field}:${issue.message}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
