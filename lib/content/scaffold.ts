/**
 * `npm run new`: starts an article or a gallery as a draft that passes `content:check`, with
 * the right slug and file name, today's time in the publication's zone, and image sizes read
 * from the files. What only the editor can write (the dek, the story, alt text) is left marked.
 */
import { copyFile, mkdir, readdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import slugify from '@sindresorhus/slugify'
import sharp from 'sharp'
import { stringify } from 'yaml'
import { isoInZone } from '../format'
import { loadLibrary } from './load'
import { DEK_TODO, slugSchema } from './schema'
import type { Library } from './types'

const IMAGE_EXTENSIONS = /\.(?:webp|avif|jpe?g|png)$/i

export class ScaffoldError extends Error {
  override name = 'ScaffoldError'
}

export interface Scaffolded {
  /** Path relative to the library, e.g. `articles/my-story.md`. */
  file: string
  slug: string
  /** What the editor still has to do. */
  todo: string[]
}

export interface NewArticle {
  title: string
  category: string
  authors: string[]
  topics?: string[]
  /** A photo on disk, copied into the library as the hero. Without it a title card is drawn. */
  hero?: string
  slug?: string
  now?: Date
}

export async function scaffoldArticle(root: string, input: NewArticle): Promise<Scaffolded> {
  const library = await openLibrary(root)
  const slug = input.slug ?? slugOf(input.title)
  assertSlug(slug)
  if (library.articleBySlug.has(slug) || library.redirects.has(slug)) {
    throw new ScaffoldError(
      `an article "${slug}" already exists (articles/${slug}.md or a redirectFrom); pass --slug`,
    )
  }
  const known = (what: string, slug: string, map: Map<string, unknown>) => {
    if (!map.has(slug)) {
      throw new ScaffoldError(`no ${what} "${slug}"; known: ${[...map.keys()].join(', ')}`)
    }
  }
  known('category', input.category, library.categoryBySlug)
  input.authors.forEach((author) => known('author', author, library.authorBySlug))
  input.topics?.forEach((topic) => known('topic', topic, library.topicBySlug))

  const todo = [
    'Write the dek and the story',
    'When it is ready: set publishedAt to the publishing time and remove `draft: true`',
  ]
  const heroSrc = await (input.hero
    ? copyImage(root, input.hero, `articles/${slug}${path.extname(input.hero).toLowerCase()}`)
    : drawTitleCard(root, `articles/${slug}.webp`, input.title, library.site.name))
  if (!input.hero) todo.push(`Replace the drawn title card ${heroSrc} with a photo (and its alt)`)
  const frontmatter = {
    title: input.title,
    dek: DEK_TODO,
    category: input.category,
    topics: input.topics ?? [],
    authors: input.authors,
    publishedAt: isoInZone(input.now ?? new Date(), library.site.timeZone),
    hero: input.hero
      ? { image: heroSrc, alt: '' }
      : { image: heroSrc, alt: `Title card reading "${input.title}"` },
    draft: true,
  }
  if (input.hero) todo.push('Describe the hero photo in hero.alt')
  const body = [
    '<!--',
    '  Write the story in Markdown below this comment (the comment is never shown).',
    '  An inline photo: ![What it shows](/images/articles/name.webp "Caption")',
    '  A gallery strip: ::gallery{slug="gallery-slug"}',
    '  A link to another story: [its title](/tv/its-slug)',
    '-->',
    '',
  ].join('\n')
  const file = `articles/${slug}.md`
  await writeNew(root, file, `---\n${stringify(frontmatter, { lineWidth: 0 })}---\n${body}`)
  return { file, slug, todo }
}

export interface NewGallery {
  /** A folder of photos; they are copied into images/galleries/<slug>/ in name order. */
  folder: string
  title?: string
  slug?: string
  article?: string
  now?: Date
}

export async function scaffoldGallery(root: string, input: NewGallery): Promise<Scaffolded> {
  const library = await openLibrary(root)
  const folder = path.resolve(input.folder)
  const names = (await readdir(folder).catch(() => undefined))
    ?.filter((name) => IMAGE_EXTENSIONS.test(name))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
  if (!names) throw new ScaffoldError(`cannot read the folder ${input.folder}`)
  if (!names.length) {
    throw new ScaffoldError(`no images (webp, avif, jpg or png) in ${input.folder}`)
  }
  const title = input.title ?? titleOf(path.basename(folder))
  const slug = input.slug ?? slugOf(title)
  assertSlug(slug)
  if (library.galleryBySlug.has(slug)) {
    throw new ScaffoldError(`a gallery "${slug}" already exists (galleries/${slug}.yaml)`)
  }
  if (input.article && !library.articleBySlug.has(input.article)) {
    throw new ScaffoldError(`no article "${input.article}"`)
  }
  const width = String(names.length).length
  const slides = await Promise.all(
    names.map(async (name, index) => {
      const number = String(index + 1).padStart(Math.max(2, width), '0')
      const target = `galleries/${slug}/${number}${path.extname(name).toLowerCase()}`
      const src = await copyImage(root, path.join(folder, name), target)
      const { width: w, height: h } = await sharp(path.join(folder, name)).metadata()
      return { src, name, size: `${w}×${h}` }
    }),
  )
  const header = stringify(
    {
      title,
      dek: DEK_TODO,
      publishedAt: isoInZone(input.now ?? new Date(), library.site.timeZone),
      ...(input.article ? { article: input.article } : {}),
      draft: true,
    },
    { lineWidth: 0 },
  )
  // Sizes are read again at load time; the comment tells the editor which photo is which.
  const slideYaml = slides
    .map(({ src, name, size }) => `  # ${name}, ${size}\n  - image: ${src}\n    alt: ""\n`)
    .join('')
  const file = `galleries/${slug}.yaml`
  await writeNew(root, file, `${header}slides:\n${slideYaml}`)
  return {
    file,
    slug,
    todo: [
      'Write the dek',
      `Describe each of the ${slides.length} photos in its alt (content:check lists every one left empty)`,
      'Remove `draft: true` when it is ready to publish',
    ],
  }
}

/** A slug from a headline: "Luke Cage: Season 2's Set Photos" → "luke-cage-season-2s-set-photos". */
export function slugOf(title: string): string {
  return slugify(title, { decamelize: false }).slice(0, 80).replace(/-+$/, '')
}

function titleOf(folderName: string): string {
  return folderName
    .split(/[-_\s]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join(' ')
}

function assertSlug(slug: string) {
  if (!slugSchema.safeParse(slug).success) {
    throw new ScaffoldError(
      `"${slug}" is not a valid slug (lower-case letters, digits, single hyphens)`,
    )
  }
}

async function openLibrary(root: string): Promise<Library> {
  const { library, issues } = await loadLibrary(root)
  if (!library) {
    const first = issues.find((issue) => issue.severity === 'error')
    throw new ScaffoldError(
      `cannot read the content library at ${root}${first ? `: ${first.file}: ${first.message}` : ''}`,
    )
  }
  return library
}

async function writeNew(root: string, file: string, text: string) {
  const target = path.join(root, file)
  await mkdir(path.dirname(target), { recursive: true })
  await writeFile(target, text, { flag: 'wx' }).catch((error: NodeJS.ErrnoException) => {
    throw error.code === 'EEXIST' ? new ScaffoldError(`${file} already exists`) : error
  })
}

/** Copies a photo into images/<target> and returns its content URL. */
async function copyImage(root: string, from: string, target: string): Promise<string> {
  const meta = await sharp(from)
    .metadata()
    .catch(() => undefined)
  if (!meta?.width) throw new ScaffoldError(`${from} is not an image sharp can read`)
  const file = path.join(root, 'images', target)
  await mkdir(path.dirname(file), { recursive: true })
  await copyFile(from, file)
  return `/images/${target}`
}

/** A 1600×900 card with the headline, so a new draft is valid before its photo arrives. */
async function drawTitleCard(root: string, target: string, title: string, siteName: string) {
  const lines = wrap(title, 30).slice(0, 5)
  const text = lines
    .map(
      (line, index) =>
        `<text x="120" y="${330 + index * 96}" font-size="80" font-weight="700">${escapeXml(line)}</text>`,
    )
    .join('')
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900">
  <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
    <stop offset="0" stop-color="#1d1030"/><stop offset="1" stop-color="#7a1f3d"/>
  </linearGradient></defs>
  <rect width="1600" height="900" fill="url(#g)"/>
  <g font-family="DejaVu Serif, serif" fill="#fff">
    <text x="120" y="200" font-size="44" fill="#ffcf5c">${escapeXml(siteName)}</text>${text}
  </g></svg>`
  const file = path.join(root, 'images', target)
  await mkdir(path.dirname(file), { recursive: true })
  await sharp(Buffer.from(svg)).webp({ quality: 80 }).toFile(file)
  return `/images/${target}`
}

function wrap(text: string, width: number): string[] {
  return text.split(/\s+/).reduce<string[]>((lines, word) => {
    const last = lines.at(-1)
    if (last !== undefined && `${last} ${word}`.length <= width)
      lines[lines.length - 1] = `${last} ${word}`
    else lines.push(word)
    return lines
  }, [])
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`)
}
