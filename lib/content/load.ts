import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Element } from 'hast'
import type { ContentIssue } from './errors'
import { readImageSize, type ImageSize } from './images'
import { indexBody } from './body'
import { parseBody, readingMinutes, stripPositions, type ParsedBody } from './markdown'
import { parseMarkdownFile, parseYaml, validate, type YamlSource } from './parse'
import { readContentFile } from './read'
import {
  articleSchema,
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

export interface LoadResult {
  /** Undefined only when site.yaml or categories.yaml is unusable. */
  library?: Library
  issues: ContentIssue[]
}

/** Reads, validates and cross-checks a whole content library. Files with errors are left out. */
export async function loadLibrary(root: string): Promise<LoadResult> {
  const issues: ContentIssue[] = []
  const report = (
    issue: Omit<ContentIssue, 'severity'>,
    severity: ContentIssue['severity'] = 'error',
  ) => issues.push({ severity, ...issue })
  const ctx: Ctx = { root, report, images: new Map() }

  const site = await loadSite(ctx)
  const categories = await loadCategories(ctx)
  const topics = await loadTopics(ctx)
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
  if (!site || !categories) return { issues }

  const categoryBySlug = new Map(categories.map((category) => [category.slug, category]))
  const topicBySlug = new Map(topics.map((topic) => [topic.slug, topic]))
  const authorBySlug = new Map(authors.map((author) => [author.slug, author]))
  const galleryBySlug = new Map(galleries.map((gallery) => [gallery.slug, gallery]))
  const allArticles = new Map(articles.map(({ article }) => [article.slug, article]))
  const known = {
    categoryBySlug,
    topicBySlug,
    authorBySlug,
    galleryBySlug,
    articleBySlug: allArticles,
    files,
  }

  // Every broken reference is an error, but only a missing category or author keeps a story
  // from rendering: one bad file must not take down the stories that point at it.
  const articleBySlug = new Map<string, Article>()
  for (const loaded of articles) {
    const found = articleReferenceIssues(loaded, known)
    found.forEach(({ fatal: _fatal, ...issue }) => report({ file: loaded.article.file, ...issue }))
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
    redirects: collectRedirects(articles, allArticles, report),
  }
  warnAboutEditorsPicks(library, report)
  await checkTombstones(ctx, library)
  return { library, issues: dedupe(issues) }
}

interface Ctx {
  root: string
  report: (issue: Omit<ContentIssue, 'severity'>, severity?: ContentIssue['severity']) => void
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

async function loadCategories(ctx: Ctx): Promise<Category[] | undefined> {
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
  return value
    .map((category) => ({ ...category, url: `/${category.slug}` }))
    .sort((a, b) => a.order - b.order || a.name.localeCompare(b.name))
}

async function loadTopics(ctx: Ctx): Promise<Topic[]> {
  const file = 'topics.yaml'
  const text = await readText(ctx, file)
  if (text === undefined) return []
  const source = parseYaml(text, file)
  const { value, issues } = validate(topicsSchema, source, file)
  issues.forEach((issue) => ctx.report(issue))
  const seen = new Set<string>()
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
  return authors.filter((author) => author !== undefined)
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
  return galleries.filter((gallery) => gallery !== undefined)
}

interface LoadedArticle {
  article: Article
  source: YamlSource
  parsed: ParsedBody
  bodyLine: number
}

async function loadArticles(ctx: Ctx, files: string[]): Promise<LoadedArticle[]> {
  const articles = await Promise.all(
    files.map(async (file): Promise<LoadedArticle | undefined> => {
      const slug = slugOfFile(ctx, file)
      const text = await readText(ctx, file)
      if (!slug || text === undefined) return undefined
      if (RESERVED_ARTICLE_SLUGS.has(slug)) {
        ctx.report({ file, line: 1, field: '', message: `"${slug}" is reserved for a fixed route` })
        return undefined
      }
      const { frontmatter, body, bodyLine } = parseMarkdownFile(text, file)
      const { value, issues } = validate(articleSchema, frontmatter, file)
      issues.forEach((issue) => ctx.report(issue))
      if (!value) return undefined
      const hero = await resolveImage(ctx, file, frontmatter, ['hero', 'image'], value.hero)
      const parsed = indexBody(ctx.root, file, body)
      const bodyOk = await checkBody(ctx, file, parsed, bodyLine)
      if (!hero || !bodyOk) return undefined
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
  return articles.filter((article) => article !== undefined)
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
  topicBySlug: Map<string, Topic>
  authorBySlug: Map<string, Author>
  galleryBySlug: Map<string, LoadedGallery>
  articleBySlug: Map<string, Article>
  files: FileSlugs
}

type ReferenceIssue = Omit<ContentIssue, 'severity' | 'file'> & { fatal?: boolean }

function articleReferenceIssues(
  { article, source, parsed, bodyLine }: LoadedArticle,
  known: Known,
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
    const problem = internalLinkProblem(href, known)
    if (problem) found.push({ line: line + bodyLine - 1, field: 'body', message: problem })
  }
  return found
}

/** Checks that a link inside the site leads to a page that exists. External links pass. */
function internalLinkProblem(href: string, known: Known): string | undefined {
  if (!href.startsWith('/') || href.startsWith('//')) return undefined
  const pathname = href.split(/[?#]/)[0] ?? ''
  const parts = pathname.split('/').filter(Boolean)
  const [first, second, third] = parts
  const broken = `link ${href} leads to no page`
  if (!first) return undefined
  if (first === 'gallery') {
    const gallery = second ? known.galleryBySlug.get(second) : undefined
    if (!gallery || parts.length > 3) return broken
    if (third === undefined) return undefined
    const n = Number(third)
    return /^[1-9]\d*$/.test(third) && n <= gallery.slides.length ? undefined : broken
  }
  if (first === 'author')
    return second && known.authorBySlug.has(second) && !third ? undefined : broken
  if (first === 'topic')
    return second && known.topicBySlug.has(second) && !third ? undefined : broken
  if (first === 'search' || first === 'images') return undefined
  if (!known.categoryBySlug.has(first)) return broken
  if (!second || second === 'page' || second === 'feed.xml') return undefined
  const article = known.articleBySlug.get(second)
  return article && article.category === first && !third ? undefined : broken
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
      const owner = redirects.get(old)
      const problem =
        old === article.slug
          ? 'a story cannot redirect from its own slug'
          : current.has(old)
            ? `"${old}" is the slug of a live story (articles/${old}.md)`
            : owner
              ? `"${old}" already redirects to "${owner}"`
              : undefined
      if (problem) {
        report({
          file: article.file,
          line: source.lineOf(field),
          field: field.join('.'),
          message: problem,
        })
      } else {
        redirects.set(old, article.slug)
      }
    })
  }
  return redirects
}

/** removed.yaml is optional; a tombstone must not cover a story that is still live. */
async function checkTombstones(ctx: Ctx, library: Library) {
  const file = TOMBSTONE_FILE
  const text = await readFile(/*turbopackIgnore: true*/ path.join(ctx.root, file), 'utf8').catch(
    () => undefined,
  )
  if (text === undefined) return
  const { source, value, issues } = parseTombstones(text)
  issues.forEach((issue) => ctx.report(issue))
  const live = new Set(library.articles.map((article) => article.url))
  value?.forEach((tombstone, index) => {
    if (!live.has(tombstone.path)) return
    const field = [index, 'path']
    ctx.report({
      file,
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
