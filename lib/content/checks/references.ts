import type { ContentIssue, Severity } from '../errors'
import type { LoadedArticle } from '../loaders/articles'
import type { LoadContext, Report } from '../loaders/context'
import type { LoadedGallery } from '../loaders/galleries'
import type { Article, Author, Category, Library, Topic } from '../types'
import { internalLinkProblem } from './links'

/** The slugs of every file in a folder, loaded or not. */
export interface FileSlugs {
  articles: Set<string>
  galleries: Set<string>
  authors: Set<string>
}

/** What a reference may point at: everything that loaded, and the names of every file. */
export interface Known {
  categoryBySlug: Map<string, Category>
  /** Old section slug → the section that replaced it. */
  categoryRedirects: Map<string, string>
  topicBySlug: Map<string, Topic>
  authorBySlug: Map<string, Author>
  galleryBySlug: Map<string, LoadedGallery>
  articleBySlug: Map<string, Article>
  /** Old story slug → the story's slug now. */
  redirects: Map<string, string>
  /** Paths listed in removed.yaml: they answer 410. */
  removed: Set<string>
  files: FileSlugs
}

export type ReferenceIssue = Omit<ContentIssue, 'file' | 'severity'> & {
  severity?: Severity
  fatal?: boolean
}

/**
 * Reports every broken reference of every story and returns the stories that can render: only
 * a missing category or author keeps a story out, so one bad file does not take down the
 * stories that point at it.
 */
export function checkArticleReferences(
  ctx: LoadContext,
  articles: LoadedArticle[],
  known: Known,
): Map<string, Article> {
  const articleBySlug = new Map<string, Article>()
  for (const loaded of articles) {
    const found = articleReferenceIssues(loaded, known, ctx.now)
    found.forEach(({ fatal: _fatal, severity, ...issue }) =>
      ctx.report({ file: loaded.article.file, ...issue }, severity),
    )
    if (!found.some((issue) => issue.fatal)) articleBySlug.set(loaded.article.slug, loaded.article)
  }
  return articleBySlug
}

/** A gallery's `article` must be a story that renders; the gallery is served on its own if not. */
export function checkGalleryArticles(
  ctx: LoadContext,
  galleries: LoadedGallery[],
  articleBySlug: Map<string, Article>,
  files: FileSlugs,
) {
  for (const gallery of galleries) {
    const slug = gallery.article?.slug
    if (!slug || articleBySlug.has(slug)) continue
    ctx.report({
      file: gallery.file,
      line: gallery.article?.line,
      field: 'article',
      message: files.articles.has(slug)
        ? `article "${slug}" has errors of its own (fix articles/${slug}.md first)`
        : `no article "${slug}" (expected the slug of a file in articles/)`,
    })
  }
}

export function articleReferenceIssues(
  { article, source, parsed, bodyLine }: LoadedArticle,
  known: Known,
  now: number,
): ReferenceIssue[] {
  const found: ReferenceIssue[] = []
  const missing = (
    field: (string | number)[],
    what: string,
    slug: string,
    folder: string,
    fatal = false,
  ) => {
    const files = {
      article: known.files.articles,
      gallery: known.files.galleries,
      author: known.files.authors,
    }
    const dir = `${what === 'gallery' ? 'galleries' : `${what}s`}`
    const broken = files[what as keyof typeof files]?.has(slug)
    found.push({
      line: source.lineOf(field),
      field: field.join('.'),
      message: broken
        ? `${what} "${slug}" has errors of its own (fix ${dir}/${slug} first)`
        : `no ${what} "${slug}" (expected one of ${folder})`,
      fatal,
    })
  }
  if (!known.categoryBySlug.has(article.category)) {
    missing(['category'], 'category', article.category, 'the slugs in categories.yaml', true)
  }
  article.authors.forEach((slug, index) => {
    if (!known.authorBySlug.has(slug)) {
      missing(['authors', index], 'author', slug, 'the files in authors/', true)
    }
  })
  article.topics.forEach((slug, index) => {
    if (!known.topicBySlug.has(slug))
      missing(['topics', index], 'topic', slug, 'the slugs in topics.yaml')
  })
  if (article.gallery && !known.galleryBySlug.has(article.gallery)) {
    missing(['gallery'], 'gallery', article.gallery, 'the files in galleries/')
  }
  const articleRefs: [(string | number)[], string][] = [
    ...(article.next ? [[['next'], article.next] as [string[], string]] : []),
    ...article.related.map(
      (slug, index) => [['related', index], slug] as [(string | number)[], string],
    ),
  ]
  for (const [field, slug] of articleRefs) {
    if (slug === article.slug) {
      found.push({
        line: source.lineOf(field),
        field: field.join('.'),
        message: 'an article cannot point at itself',
      })
    } else if (!known.articleBySlug.has(slug)) {
      missing(field, 'article', slug, 'the files in articles/')
    }
  }
  for (const { slug, line } of parsed.refs.galleries) {
    if (!known.galleryBySlug.has(slug)) {
      found.push({
        line: line + bodyLine - 1,
        field: 'body',
        message: `::gallery embeds an unknown gallery "${slug}"`,
        hint: 'Use the file name of a gallery in galleries/ without .yaml.',
      })
    }
  }
  for (const { href, line } of parsed.refs.links) {
    const problem = internalLinkProblem(href, article, known, now)
    if (problem) found.push({ line: line + bodyLine - 1, field: 'body', ...problem })
  }
  return found
}

/** An editors' pick that is no story is skipped on the home page: a warning, not an error. */
export function warnAboutEditorsPicks(library: Library, report: Report) {
  library.site.editorsPicks.forEach((slug, index) => {
    if (!library.articleBySlug.has(slug)) {
      report(
        { file: 'site.yaml', field: `editorsPicks.${index}`, message: `no article "${slug}"` },
        'warning',
      )
    }
  })
}
