import { checkBody } from '../checks/body'
import { checkFormat, videoSchema } from '../checks/formats'
import { lintArticle } from '../checks/lint'
import type { ContentIssue } from '../errors'
import {
  emptyReferences,
  parseBody,
  readingMinutes,
  stripPositions,
  type ParsedBody,
} from '../markdown'
import { parseMarkdownFile, validate, type YamlSource } from '../parse'
import { articleSchema, type ArticleInput } from '../schema'
import {
  frontmatterOnDemand,
  indexedBody,
  openFileCache,
  readArticleFile,
  type ArticleFile,
  type FileCache,
} from '../speed'
import type { Article, ContentImage } from '../types'
import { lastGood, readText, resolveImage, slugOfFile, type LoadContext } from './context'
import { RESERVED_ARTICLE_SLUGS } from './reserved'

/** A story as loaded, with what the reference checks need to place their findings. */
export interface LoadedArticle {
  article: Article
  source: YamlSource
  parsed: ParsedBody
  bodyLine: number
}

/** What an article file says on its own, by either path. */
interface ArticleSource {
  value?: ArticleInput
  issues: ContentIssue[]
  bodyLine: number
  frontmatter: YamlSource
  /** Only for a file whose front matter is valid. */
  parsed?: ParsedBody
}

/** articles/*.md: front matter, hero, body images and the editorial lint. */
export async function loadArticles(ctx: LoadContext, files: string[]): Promise<LoadedArticle[]> {
  const cache = await openFileCache<ArticleFile>(ctx.cacheDir, ctx.root, 'articles')
  const articles = await Promise.all(files.map((file) => loadArticle(ctx, cache, file)))
  await cache.save()
  return articles
    .map((loaded, index) => loaded ?? keptArticle(ctx, files[index]))
    .filter((article) => article !== undefined)
}

async function loadArticle(
  ctx: LoadContext,
  cache: FileCache<ArticleFile>,
  file: string,
): Promise<LoadedArticle | undefined> {
  const slug = slugOfFile(ctx, file)
  if (!slug) return undefined
  if (RESERVED_ARTICLE_SLUGS.has(slug)) {
    ctx.report({ file, line: 1, field: '', message: `"${slug}" is reserved for a fixed route` })
    return undefined
  }
  const loaded = ctx.fast ? await readCached(ctx, cache, file) : await readPlain(ctx, file)
  if (!loaded) return undefined
  const { value, issues, bodyLine, frontmatter, parsed } = loaded
  issues.forEach((issue) => ctx.report(issue))
  if (!value || !parsed) return undefined
  const hero = await resolveImage(ctx, file, frontmatter, ['hero', 'image'], value.hero)
  const bodyOk = await checkBody(ctx, file, parsed, bodyLine)
  const formatOk = await checkFormat(ctx, file, value, frontmatter, parsed, bodyLine)
  if (!hero || !bodyOk || !formatOk) return undefined
  lintArticle(ctx, file, frontmatter, value, hero, parsed.wordCount)
  return {
    article: toArticle(slug, file, value, hero, parsed),
    source: frontmatter,
    parsed,
    bodyLine,
  }
}

/** The fast path: the cached index of the file, its body tree built when a page renders it. */
async function readCached(
  ctx: LoadContext,
  cache: FileCache<ArticleFile>,
  file: string,
): Promise<ArticleSource | undefined> {
  const loaded = await cache
    .get(file, (text) => readArticleFile(text, file))
    .catch(() => {
      ctx.report({ file, field: '', message: 'file is missing or unreadable' })
      return undefined
    })
  if (!loaded) return undefined
  const { value, issues, bodyLine, body } = loaded
  return {
    value,
    issues,
    bodyLine,
    frontmatter: frontmatterOnDemand(ctx.root, file),
    parsed: body && indexedBody(ctx.root, file, body),
  }
}

/** The plain path: gray-matter, `yaml` and remark on the whole file, the tree kept. */
async function readPlain(ctx: LoadContext, file: string): Promise<ArticleSource | undefined> {
  const text = await readText(ctx, file)
  if (text === undefined) return undefined
  const { frontmatter, body, bodyLine } = parseMarkdownFile(text, file, { fast: ctx.fast })
  const { value, issues } = validate(articleSchema, frontmatter, file)
  if (!value) return { issues, bodyLine, frontmatter }
  const parsed = parseBody(body)
  // Lines are in the references already; checkBody sizes the images in this same tree.
  stripPositions(parsed.tree)
  return { value, issues, bodyLine, frontmatter, parsed }
}

function toArticle(
  slug: string,
  file: string,
  value: ArticleInput,
  hero: ContentImage,
  parsed: ParsedBody,
): Article {
  const updates = value.updates
    .map((update) => ({ ...update, time: Date.parse(update.at) }))
    .sort((a, b) => b.time - a.time)
  const publishedTime = Date.parse(value.publishedAt)
  const live = value.live && {
    ...value.live,
    updates: parsed.refs.updates
      .map(({ at, title, pinned }) => {
        const time = Date.parse(at)
        return { id: `update-${time / 1000}`, at, time, ...(title && { title }), pinned }
      })
      .sort((a, b) => b.time - a.time),
  }
  const newest = [updates[0], live?.updates[0]]
    .filter((update) => update !== undefined)
    .sort((a, b) => b.time - a.time)[0]
  return {
    slug,
    format: value.format,
    ...(value.list && { list: value.list }),
    ...(value.review && { review: value.review }),
    ...(live && { live }),
    videos: parsed.refs.videos.flatMap(({ attributes }) => {
      const video = videoSchema.safeParse(attributes)
      return video.success ? [video.data] : []
    }),
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
}

/** The story a running server serves now, for a file that fails to load (see lastGood). */
function keptArticle(ctx: LoadContext, file: string | undefined): LoadedArticle | undefined {
  const article = lastGood(ctx, file, ctx.previous?.articleBySlug)
  if (!article) return undefined
  const refs = emptyReferences()
  const parsed: ParsedBody = {
    get tree() {
      return article.body
    },
    refs,
    wordCount: article.wordCount,
  }
  const source: YamlSource = { data: undefined, lineOf: () => undefined, issues: [] }
  return { article, source, parsed, bodyLine: 1 }
}
