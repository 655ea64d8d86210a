import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Element } from 'hast'
import { frontmatterOnDemand, readArticleFile, type ArticleFile } from './speed/article-file'
import { indexedBody } from './speed/body'
import type { ContentIssue, Severity } from './errors'
import { openFileCache } from './speed/file-cache'
import { readImageSize, type ImageSize } from './images'
import { parseBody, readingMinutes, stripPositions, type ParsedBody } from './markdown'
import { parseMarkdownFile, parseYaml, validate, type YamlSource } from './parse'
import { readContentFile } from './speed/read'
import {
  type ArticleInput,
  DEK_TODO,
  authorSchema,
  categoriesSchema,
  gallerySchema,
  siteSchema,
  slugSchema,
  topicsSchema,
} from './schema'
import { parseTombstones, TOMBSTONE_FILE } from './tombstones'
import type {
  Article,
  Author,
  Category,
  ContentImage,
  Gallery,
  Library,
  Site,
  Topic,
} from './types'

/** First URL segments owned by fixed routes: no category may take them. */
export const RESERVED_CATEGORY_SLUGS = new Set([
  'gallery',
  'author',
  'topic',
  'search',
  'api',
  'images',
  'feeds',
  'feed',
  'sitemap',
  'sitemaps',
  'news-sitemap',
  'robots',
  'page',
  'opengraph-image',
])
/** Second URL segments owned by fixed routes under a category: no article may take them. */
export const RESERVED_ARTICLE_SLUGS = new Set(['page', 'feed', 'opengraph-image'])

/** Headlines longer than this are cut off in search results and news carousels. */
export const HEADLINE_MAX = 110
/** Heroes narrower than this get no large preview in search and social cards. */
export const HERO_MIN_WIDTH = 1200
/** A publishedAt further ahead than this is usually a typo, unless the story says why. */
export const SCHEDULE_HORIZON_DAYS = 30

export interface LoadOptions {
  /** The moment the checks take as now (scheduled stories, links to them). */
  now?: number
  /**
   * The library a running server serves now. A file that fails to load keeps its last good
   * version from here, so an editor's mistake never takes a published page down.
   */
  previous?: Library
  /**
   * Folder of the on-disk cache of per-file results (file-cache.ts); without it every file is
   * read and parsed.
   */
  cacheDir?: string
}

export interface LoadResult {
  /** Undefined only when site.yaml or categories.yaml is unusable. */
  library?: Library
  issues: ContentIssue[]
}

/** Reads, validates and cross-checks a whole content library. Files with errors are left out. */
export async function loadLibrary(root: string, options: LoadOptions = {}): Promise<LoadResult> {
  const issues: ContentIssue[] = []
  const report = (
    issue: Omit<ContentIssue, 'severity'>,
    severity: ContentIssue['severity'] = 'error',
  ) => issues.push({ severity, ...issue })
  const previous = options.previous?.root === root ? options.previous : undefined
  const ctx: Ctx = {
    root,
    report,
    now: options.now ?? Date.now(),
    previous,
    cacheDir: options.cacheDir,
    images: new Map(),
  }

  const site = await loadSite(ctx)
  const sections = await loadCategories(ctx)
  const categories = sections?.categories
  const topics = await loadTopics(ctx)
  const tombstones = await readTombstoneFile(ctx)
  // Each folder is listed once: the loaders read these files, and the reference checks use
  // their names to tell a missing file from one that exists but has errors of its own.
  const authorFiles = await listFiles(ctx, 'authors', /\.md$/)
  const galleryFiles = await listFiles(ctx, 'galleries', /\.ya?ml$/)
  const articleFiles = await listFiles(ctx, 'articles', /\.md$/)
  const authors = await loadAuthors(ctx, authorFiles)
  const galleries = await loadGalleries(ctx, galleryFiles)
  const articles = await loadArticles(ctx, articleFiles)
  const files: FileSlugs = {
    articles: new Set(articleFiles.map(fileSlug)),
    galleries: new Set(galleryFiles.map(fileSlug)),
    authors: new Set(authorFiles.map(fileSlug)),
  }
  if (!site || !sections || !categories) return { issues }

  const categoryBySlug = new Map(categories.map((category) => [category.slug, category]))
  const topicBySlug = new Map(topics.map((topic) => [topic.slug, topic]))
  const authorBySlug = new Map(authors.map((author) => [author.slug, author]))
  const galleryBySlug = new Map(galleries.map((gallery) => [gallery.slug, gallery]))
  const allArticles = new Map(articles.map(({ article }) => [article.slug, article]))
  const redirects = collectRedirects(articles, allArticles, report)
  const known: Known = {
    categoryBySlug,
    categoryRedirects: sections.redirects,
    topicBySlug,
    authorBySlug,
    galleryBySlug,
    articleBySlug: allArticles,
    redirects,
    removed: new Set(tombstones?.value?.map((tombstone) => tombstone.path)),
    files,
  }

  // Every broken reference is an error, but only a missing category or author keeps a story
  // from rendering: one bad file must not take down the stories that point at it.
  const articleBySlug = new Map<string, Article>()
  for (const loaded of articles) {
    const found = articleReferenceIssues(loaded, known, ctx.now)
    found.forEach(({ fatal: _fatal, severity, ...issue }) =>
      report({ file: loaded.article.file, ...issue }, severity),
    )
    if (!found.some((issue) => issue.fatal)) articleBySlug.set(loaded.article.slug, loaded.article)
  }
  for (const gallery of galleries) {
    const slug = gallery.article?.slug
    if (!slug || articleBySlug.has(slug)) continue
    report({
      file: gallery.file,
      line: gallery.article?.line,
      field: 'article',
      message: files.articles.has(slug)
        ? `article "${slug}" has errors of its own (fix articles/${slug}.md first)`
        : `no article "${slug}" (expected the slug of a file in articles/)`,
    })
  }

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
    categoryRedirects: sections.redirects,
  }
  warnAboutEditorsPicks(library, report)
  if (tombstones) checkTombstones(ctx, library, tombstones)
  return { library, issues: dedupe(issues) }
}

interface Ctx {
  root: string
  report: (issue: Omit<ContentIssue, 'severity'>, severity?: ContentIssue['severity']) => void
  now: number
  previous?: Library
  cacheDir?: string
  /** Image sizes read during this load (many stories share an image). */
  images: Map<string, Promise<ImageSize | undefined>>
}

function dedupe(issues: ContentIssue[]): ContentIssue[] {
  const seen = new Set<string>()
  return issues.filter((issue) => {
    const key = `${issue.file}:${issue.line}:${issue.field}:${issue.message}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

function newestFirst(
  a: { publishedTime: number; slug: string },
  b: { publishedTime: number; slug: string },
) {
  return b.publishedTime - a.publishedTime || a.slug.localeCompare(b.slug)
}

async function readText(ctx: Ctx, file: string): Promise<string | undefined> {
  try {
    return await readContentFile(/*turbopackIgnore: true*/ path.join(ctx.root, file))
  } catch {
    ctx.report({ file, field: '', message: 'file is missing or unreadable' })
    return undefined
  }
}

/** Lists `dir/*.ext`, sorted, as paths relative to the library root. */
async function listFiles(ctx: Ctx, dir: string, ext: RegExp): Promise<string[]> {
  const entries = await readdir(/*turbopackIgnore: true*/ path.join(ctx.root, dir), {
    withFileTypes: true,
  }).catch(() => [])
  return entries
    .filter((entry) => entry.isFile() && ext.test(entry.name) && !entry.name.startsWith('.'))
    .map((entry) => `${dir}/${entry.name}`)
    .sort()
}

/**
 * The version a running server already serves of a file that now fails to load: an editor's
 * half-saved or broken change must not take a published page down. The errors are reported all
 * the same; `content:check` and the build have no previous library and keep failing.
 */
function lastGood<T extends { file: string }>(
  ctx: Ctx,
  file: string | undefined,
  served: Map<string, T> | undefined,
): T | undefined {
  const kept = file ? served?.get(fileSlug(file)) : undefined
  if (!kept || kept.file !== file) return undefined
  ctx.report(
    { file, field: '', message: 'still serving the last good version until the errors are fixed' },
    'warning',
  )
  return kept
}

interface FileSlugs {
  articles: Set<string>
  galleries: Set<string>
  authors: Set<string>
}

function fileSlug(file: string): string {
  return path.basename(file).replace(/\.(md|ya?ml)$/, '')
}

function slugOfFile(ctx: Ctx, file: string): string | undefined {
  const slug = fileSlug(file)
  if (slugSchema.safeParse(slug).success) return slug
  ctx.report({
    file,
    line: 1,
    field: '',
    message: `the file name "${slug}" is not a valid slug`,
    hint: 'Rename the file using lower-case letters, digits and single hyphens, e.g. my-story.md.',
  })
  return undefined
}

async function resolveImage(
  ctx: Ctx,
  file: string,
  source: YamlSource,
  /** Path of the field that holds the image's URL, e.g. ['hero', 'image'] or ['logo']. */
  field: (string | number)[],
  image: { image: string; alt: string; caption?: string; credit?: string },
): Promise<ContentImage | undefined> {
  const size = await readImageSize(ctx.root, image.image, ctx.images)
  if (!size) {
    ctx.report({
      file,
      line: source.lineOf(field),
      field: field.join('.'),
      message: `image ${image.image} not found (expected a file at images/${image.image.slice(8)})`,
    })
    return undefined
  }
  return { src: image.image, ...size, alt: image.alt, caption: image.caption, credit: image.credit }
}

async function loadSite(ctx: Ctx): Promise<Site | undefined> {
  const file = 'site.yaml'
  const text = await readText(ctx, file)
  if (text === undefined) return undefined
  const source = parseYaml(text, file)
  const { value, issues } = validate(siteSchema, source, file)
  issues.forEach((issue) => ctx.report(issue))
  if (!value) return undefined
  const logo = await resolveImage(ctx, file, source, ['logo'], {
    image: value.logo,
    alt: value.name,
  })
  if (!logo) return undefined
  return { ...value, url: value.url.replace(/\/+$/, ''), logo }
}

async function loadCategories(
  ctx: Ctx,
): Promise<{ categories: Category[]; redirects: Map<string, string> } | undefined> {
  const file = 'categories.yaml'
  const text = await readText(ctx, file)
  if (text === undefined) return undefined
  const source = parseYaml(text, file)
  const { value, issues } = validate(categoriesSchema, source, file)
  issues.forEach((issue) => ctx.report(issue))
  if (!value) return undefined
  const seen = new Set<string>()
  let ok = true
  value.forEach((category, index) => {
    const problem = seen.has(category.slug)
      ? `duplicate category slug "${category.slug}"`
      : RESERVED_CATEGORY_SLUGS.has(category.slug)
        ? `"${category.slug}" is reserved for a fixed route (${[...RESERVED_CATEGORY_SLUGS].join(', ')})`
        : undefined
    seen.add(category.slug)
    if (problem) {
      ok = false
      ctx.report({
        file,
        line: source.lineOf([index, 'slug']),
        field: `${index}.slug`,
        message: problem,
      })
    }
  })
  if (!ok) return undefined
  // An old section slug sends `/old` and `/old/…` to the section that replaced it. It must not
  // be a live section (the redirect would loop or hide it) nor claimed by two sections.
  const redirects = new Map<string, string>()
  value.forEach((category, index) => {
    category.redirectFrom.forEach((old, position) => {
      const field = [index, 'redirectFrom', position]
      const problem = claimRedirect(redirects, old, category.slug, {
        own: `"${old}" is this section's own slug`,
        live: seen.has(old) && `"${old}" is a live section`,
        reserved: RESERVED_CATEGORY_SLUGS,
        kind: 'section',
      })
      if (problem) {
        ctx.report({ file, line: source.lineOf(field), field: field.join('.'), message: problem })
      }
    })
  })
  const categories = value
    .map((category) => ({ ...category, url: `/${category.slug}` }))
    .sort((a, b) => a.order - b.order || a.name.localeCompare(b.name))
  return { categories, redirects }
}

async function loadTopics(ctx: Ctx): Promise<Topic[]> {
  const file = 'topics.yaml'
  const text = await readText(ctx, file)
  if (text === undefined) return []
  const source = parseYaml(text, file)
  const { value, issues } = validate(topicsSchema, source, file)
  issues.forEach((issue) => ctx.report(issue))
  const seen = new Set<string>()
  if (!value && ctx.previous) return ctx.previous.topics
  return (value ?? []).flatMap((topic, index) => {
    if (seen.has(topic.slug)) {
      const line = source.lineOf([index, 'slug'])
      ctx.report({
        file,
        line,
        field: `${index}.slug`,
        message: `duplicate topic slug "${topic.slug}"`,
      })
      return []
    }
    seen.add(topic.slug)
    return [{ ...topic, url: `/topic/${topic.slug}` }]
  })
}

async function loadAuthors(ctx: Ctx, files: string[]): Promise<Author[]> {
  const authors = await Promise.all(
    files.map(async (file): Promise<Author | undefined> => {
      const slug = slugOfFile(ctx, file)
      const text = await readText(ctx, file)
      if (!slug || text === undefined) return undefined
      const { frontmatter, body, bodyLine } = parseMarkdownFile(text, file)
      const { value, issues } = validate(authorSchema, frontmatter, file)
      issues.forEach((issue) => ctx.report(issue))
      if (!value) return undefined
      const avatar = await resolveImage(ctx, file, frontmatter, ['avatar'], {
        image: value.avatar,
        alt: value.name,
      })
      const parsed = parseBody(body)
      const bodyOk = await checkBody(ctx, file, parsed, bodyLine)
      if (!avatar || !bodyOk) return undefined
      return {
        slug,
        file,
        url: `/author/${slug}`,
        name: value.name,
        role: value.role,
        avatar,
        sameAs: value.sameAs,
        bio: stripPositions(parsed.tree),
      }
    }),
  )
  return authors
    .map((author, index) => author ?? lastGood(ctx, files[index], ctx.previous?.authorBySlug))
    .filter((author) => author !== undefined)
}

interface LoadedGallery extends Omit<Gallery, 'article'> {
  article?: { slug: string; line?: number }
}

async function loadGalleries(ctx: Ctx, files: string[]): Promise<LoadedGallery[]> {
  const galleries = await Promise.all(
    files.map(async (file): Promise<LoadedGallery | undefined> => {
      const slug = slugOfFile(ctx, file)
      const text = await readText(ctx, file)
      if (!slug || text === undefined) return undefined
      const source = parseYaml(text, file)
      const { value, issues } = validate(gallerySchema, source, file)
      issues.forEach((issue) => ctx.report(issue))
      if (!value) return undefined
      checkDek(ctx, file, source, value)
      const slides = await Promise.all(
        value.slides.map(async (slide, index) => {
          const image = await resolveImage(ctx, file, source, ['slides', index, 'image'], slide)
          const { title, creator, copyrightNotice, license } = slide
          return image && { ...image, title, creator, copyrightNotice, license }
        }),
      )
      if (slides.some((slide) => !slide)) return undefined
      return {
        slug,
        file,
        url: `/gallery/${slug}`,
        title: value.title,
        dek: value.dek,
        publishedAt: value.publishedAt,
        publishedTime: Date.parse(value.publishedAt),
        draft: value.draft,
        credit: value.credit,
        article: value.article
          ? {
              slug: value.article,
              get line() {
                return source.lineOf(['article'])
              },
            }
          : undefined,
        slides: slides.filter((slide) => slide !== undefined),
      }
    }),
  )
  return galleries
    .map((gallery, index) => {
      if (gallery) return gallery
      const kept = lastGood(ctx, files[index], ctx.previous?.galleryBySlug)
      return kept && { ...kept, article: kept.article ? { slug: kept.article } : undefined }
    })
    .filter((gallery) => gallery !== undefined)
}

interface LoadedArticle {
  article: Article
  source: YamlSource
  parsed: ParsedBody
  bodyLine: number
}

async function loadArticles(ctx: Ctx, files: string[]): Promise<LoadedArticle[]> {
  const cache = await openFileCache<ArticleFile>(ctx.cacheDir, ctx.root, 'articles')
  const articles = await Promise.all(
    files.map(async (file): Promise<LoadedArticle | undefined> => {
      const slug = slugOfFile(ctx, file)
      if (!slug) return undefined
      if (RESERVED_ARTICLE_SLUGS.has(slug)) {
        ctx.report({ file, line: 1, field: '', message: `"${slug}" is reserved for a fixed route` })
        return undefined
      }
      const loaded = await cache
        .get(file, (text) => readArticleFile(text, file))
        .catch(() => {
          ctx.report({ file, field: '', message: 'file is missing or unreadable' })
          return undefined
        })
      if (!loaded) return undefined
      const { value, issues, bodyLine } = loaded
      issues.forEach((issue) => ctx.report(issue))
      if (!value || !loaded.body) return undefined
      const frontmatter = frontmatterOnDemand(ctx.root, file)
      const hero = await resolveImage(ctx, file, frontmatter, ['hero', 'image'], value.hero)
      const parsed = indexedBody(ctx.root, file, loaded.body)
      const bodyOk = await checkBody(ctx, file, parsed, bodyLine)
      if (!hero || !bodyOk) return undefined
      lintArticle(ctx, file, frontmatter, value, hero, parsed.wordCount)
      const updates = value.updates
        .map((update) => ({ ...update, time: Date.parse(update.at) }))
        .sort((a, b) => b.time - a.time)
      const publishedTime = Date.parse(value.publishedAt)
      const newest = updates[0]
      const article: Article = {
        slug,
        file,
        url: `/${value.category}/${slug}`,
        title: value.title,
        dek: value.dek,
        category: value.category,
        topics: value.topics,
        authors: value.authors,
        publishedAt: value.publishedAt,
        publishedTime,
        updates,
        modifiedAt: newest && newest.time > publishedTime ? newest.at : value.publishedAt,
        hero,
        gallery: value.gallery,
        next: value.next,
        related: value.related,
        source: value.source,
        spoilers: value.spoilers,
        draft: value.draft,
        get body() {
          return parsed.tree
        },
        bodyImages: parsed.refs.images.map((image) => image.src),
        wordCount: parsed.wordCount,
        readingMinutes: readingMinutes(parsed.wordCount),
        redirectFrom: value.redirectFrom,
      }
      return { article, source: frontmatter, parsed, bodyLine }
    }),
  )
  await cache.save()
  return articles
    .map((loaded, index) => {
      if (loaded) return loaded
      const article = lastGood(ctx, files[index], ctx.previous?.articleBySlug)
      if (!article) return undefined
      const refs = { images: [], links: [], galleries: [], unknownDirectives: [] }
      const parsed: ParsedBody = {
        get tree() {
          return article.body
        },
        refs,
        wordCount: article.wordCount,
      }
      const source: YamlSource = { data: undefined, lineOf: () => undefined, issues: [] }
      return { article, source, parsed, bodyLine: 1 }
    })
    .filter((article) => article !== undefined)
}

/** A story or gallery out of draft whose dek is still the one `npm run new` wrote. */
function checkDek(
  ctx: Ctx,
  file: string,
  source: YamlSource,
  value: { draft: boolean; dek: string },
) {
  if (value.draft || value.dek !== DEK_TODO) return
  ctx.report({
    file,
    line: source.lineOf(['dek']),
    field: 'dek',
    message: 'the dek is still the TODO that `npm run new` wrote',
    hint: 'Write the dek, or keep `draft: true` until it is done.',
  })
}

/** What hurts readers and crawlers without making the story unpublishable. */
function lintArticle(
  ctx: Ctx,
  file: string,
  source: YamlSource,
  value: ArticleInput,
  hero: ContentImage,
  wordCount: number,
) {
  const report = (field: string, message: string, hint: string, severity: Severity) =>
    ctx.report({ file, line: source.lineOf(field.split('.')), field, message, hint }, severity)
  if (hero.width < HERO_MIN_WIDTH) {
    report(
      'hero.image',
      `hero image ${hero.src} is ${hero.width} px wide; it must be at least ${HERO_MIN_WIDTH} px`,
      `Search engines and social networks show a large preview only for images ${HERO_MIN_WIDTH} px wide or more. Use a larger export of the photo.`,
      'error',
    )
  }
  checkDek(ctx, file, source, value)
  if (!value.draft && wordCount === 0) {
    report(
      'draft',
      'the story has no text and is not a draft',
      'Write the story below the frontmatter, or set `draft: true`.',
      'error',
    )
  }
  if (value.title.length > HEADLINE_MAX) {
    report(
      'title',
      `headline is ${value.title.length} characters; over ${HEADLINE_MAX} is cut off in search results and news carousels`,
      'Move detail into the dek and keep the headline to the news.',
      'warning',
    )
  }
  const ahead = (Date.parse(value.publishedAt) - ctx.now) / 86_400_000
  if (ahead > SCHEDULE_HORIZON_DAYS && !value.embargo) {
    report(
      'publishedAt',
      `publishedAt is ${Math.round(ahead)} days in the future`,
      'Check the year. If the story really waits that long, say why in `embargo:` (e.g. "Under embargo until the premiere").',
      'warning',
    )
  }
}

/** Resolves the images of a body (sizes for next/image) and reports what is wrong inside it. */
async function checkBody(ctx: Ctx, file: string, parsed: ParsedBody, bodyLine: number) {
  let ok = true
  const at = (line: number) => line + bodyLine - 1
  for (const { name, line } of parsed.refs.unknownDirectives) {
    ok = false
    ctx.report({
      file,
      line: at(line),
      field: 'body',
      message: `unknown directive "::${name}"`,
      hint: 'The only block directive is ::gallery{slug="gallery-slug"}.',
    })
  }
  await Promise.all(
    parsed.refs.images.map(async ({ src, line, element }) => {
      const size = await readImageSize(ctx.root, src, ctx.images)
      if (!size) {
        ok = false
        const remote = /^[a-z]+:/i.test(src)
        ctx.report({
          file,
          line: at(line),
          field: 'body',
          message: remote
            ? `remote image ${src} is not allowed`
            : `image ${src || '(empty)'} not found (expected a file under images/)`,
          hint: "Put the image in the library's images/ folder and link it as /images/….",
        })
        return
      }
      setSize(element, size)
      if (!String(element.properties.alt ?? '').trim()) {
        ok = false
        ctx.report({
          file,
          line: at(line),
          field: 'body',
          message: `image ${src} has no alt text`,
          hint: 'Describe the image for readers who cannot see it: ![what it shows](/images/…).',
        })
      }
    }),
  )
  return ok
}

function setSize(element: Element, size: { width: number; height: number }) {
  element.properties.width = size.width
  element.properties.height = size.height
}

interface Known {
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

type ReferenceIssue = Omit<ContentIssue, 'file' | 'severity'> & {
  severity?: Severity
  fatal?: boolean
}

function articleReferenceIssues(
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

type LinkProblem = Pick<ReferenceIssue, 'message' | 'hint' | 'severity'>

/**
 * Checks that a link inside the site leads to a page a reader can open when the linking story
 * is out: not a missing page, not a draft, not a story that comes out later, not a removed one.
 * External links pass.
 */
function internalLinkProblem(
  href: string,
  from: Article,
  known: Known,
  now: number,
): LinkProblem | undefined {
  if (!href.startsWith('/') || href.startsWith('//')) return undefined
  const pathname = href.split(/[?#]/)[0] ?? ''
  const parts = pathname.split('/').filter(Boolean)
  const [first, second, third] = parts
  const broken = { message: `link ${href} leads to no page` }
  const live = (target: { draft: boolean; publishedTime: number; publishedAt: string }) =>
    target.draft && !from.draft
      ? {
          message: `link ${href} leads to a draft, which readers cannot open`,
          hint: 'Publish the linked story first, or link it once it is out.',
        }
      : !target.draft && !from.draft && target.publishedTime > Math.max(now, from.publishedTime)
        ? {
            message: `link ${href} leads to a story scheduled for ${target.publishedAt}, after this one comes out: it answers 404 until then`,
            hint: 'Schedule this story after the one it links to.',
            severity: 'warning' as const,
          }
        : undefined
  if (!first) return undefined
  if (known.removed.has(pathname.replace(/\/+$/, ''))) {
    return {
      message: `link ${href} leads to a story taken down in removed.yaml (410 Gone)`,
      hint: 'Remove the link or point it at another story.',
    }
  }
  if (first === 'gallery') {
    const gallery = second ? known.galleryBySlug.get(second) : undefined
    if (!gallery || parts.length > 3) return broken
    if (
      third !== undefined &&
      !(/^[1-9]\d*$/.test(third) && Number(third) <= gallery.slides.length)
    )
      return broken
    return live(gallery)
  }
  if (first === 'author')
    return second && known.authorBySlug.has(second) && !third ? undefined : broken
  if (first === 'topic')
    return second && known.topicBySlug.has(second) && !third ? undefined : broken
  if (first === 'search' || first === 'images') return undefined
  const section = known.categoryRedirects.get(first)
  if (section) {
    return {
      message: `link ${href} uses the old section address /${first}`,
      hint: `Link /${[section, ...parts.slice(1)].join('/')} instead: it saves readers a redirect.`,
      severity: 'warning',
    }
  }
  if (!known.categoryBySlug.has(first)) return broken
  if (!second || second === 'page' || second === 'feed.xml') return undefined
  const moved = known.redirects.get(second)
  const article = known.articleBySlug.get(moved ?? second)
  if (!article || third) return broken
  if (moved || article.category !== first) {
    return {
      message: `link ${href} uses an old address of ${article.url}`,
      hint: `Link ${article.url} instead: it saves readers a redirect.`,
      severity: 'warning',
    }
  }
  return live(article)
}

/**
 * Records `old → target` in `redirects`, or says why it cannot be: a redirect from its own slug
 * would loop, one from a live page would hide it, one from a reserved slug never arrives, and a
 * slug can lead to one place only.
 */
function claimRedirect(
  redirects: Map<string, string>,
  old: string,
  target: string,
  rules: { own: string; live: string | false; reserved: Set<string>; kind: string },
): string | undefined {
  const owner = redirects.get(old)
  const problem =
    old === target
      ? `${rules.own}: the redirect would loop`
      : rules.live
        ? `${rules.live}: the redirect would hide it`
        : rules.reserved.has(old)
          ? `"${old}" is reserved for a fixed route and never reaches a ${rules.kind}`
          : owner
            ? `"${old}" already redirects to "${owner}"`
            : undefined
  if (!problem) redirects.set(old, target)
  return problem
}

/** Old slugs that lead to their story; a slug claimed twice, or still in use, is an error. */
function collectRedirects(
  articles: LoadedArticle[],
  current: Map<string, Article>,
  report: Ctx['report'],
): Map<string, string> {
  const redirects = new Map<string, string>()
  for (const { article, source } of articles) {
    article.redirectFrom.forEach((old, index) => {
      const field = ['redirectFrom', index]
      const problem = claimRedirect(redirects, old, article.slug, {
        own: 'a story cannot redirect from its own slug',
        live: current.has(old) && `"${old}" is the slug of a live story (articles/${old}.md)`,
        reserved: RESERVED_ARTICLE_SLUGS,
        kind: 'story',
      })
      if (problem) {
        report({
          file: article.file,
          line: source.lineOf(field),
          field: field.join('.'),
          message: problem,
        })
      }
    })
  }
  return redirects
}

type TombstoneFile = ReturnType<typeof parseTombstones>

/** removed.yaml is optional. */
async function readTombstoneFile(ctx: Ctx): Promise<TombstoneFile | undefined> {
  const text = await readFile(
    /*turbopackIgnore: true*/ path.join(ctx.root, TOMBSTONE_FILE),
    'utf8',
  ).catch(() => undefined)
  if (text === undefined) return undefined
  const tombstones = parseTombstones(text)
  tombstones.issues.forEach((issue) => ctx.report(issue))
  return tombstones
}

/** A tombstone must not cover a story that is still live. */
function checkTombstones(ctx: Ctx, library: Library, { source, value }: TombstoneFile) {
  const live = new Set(library.articles.map((article) => article.url))
  value?.forEach((tombstone, index) => {
    if (!live.has(tombstone.path)) return
    const field = [index, 'path']
    ctx.report({
      file: TOMBSTONE_FILE,
      line: source.lineOf(field),
      field: field.join('.'),
      message: `${tombstone.path} is a live story; remove its file before its tombstone`,
    })
  })
}

function warnAboutEditorsPicks(library: Library, report: Ctx['report']) {
  library.site.editorsPicks.forEach((slug, index) => {
    if (!library.articleBySlug.has(slug)) {
      report(
        { file: 'site.yaml', field: `editorsPicks.${index}`, message: `no article "${slug}"` },
        'warning',
      )
    }
  })
}
