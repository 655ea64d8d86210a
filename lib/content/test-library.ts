/**
 * A small, valid content library in a temporary folder, for unit tests. Each test starts from
 * it and breaks exactly one thing with `write`, `edit`, `remove` or `writeArticle`.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { stringify } from 'yaml'
import { loadLibrary, type LoadOptions, type LoadResult } from './load'

/** Frontmatter or gallery fields; a field set to `undefined` is left out of the file. */
export type Fields = Record<string, unknown>

export interface TestLibrary {
  root: string
  /** Writes a file (path relative to the library), creating its folder. Returns the text. */
  write(file: string, text: string): Promise<string>
  read(file: string): Promise<string>
  /** Replaces the one occurrence of `search` in a file; throws unless it is there exactly once. */
  edit(file: string, search: string, replacement: string): Promise<string>
  remove(file: string): Promise<void>
  /** Writes a real image of that pixel size at a content URL like `/images/articles/x.webp`. */
  writeImage(src: string, width?: number, height?: number): Promise<void>
  /** Writes `articles/<slug>.md` from the default fields merged with `fields`. Returns the text. */
  writeArticle(slug: string, fields?: Fields, body?: string): Promise<string>
  /** Writes `galleries/<slug>.yaml` from the default fields merged with `fields`. */
  writeGallery(slug: string, fields?: Fields): Promise<string>
  load(options?: LoadOptions): Promise<LoadResult>
}

export const SITE_YAML = `name: Test Marquee
tagline: Tests, told straight
description: A content library made for unit tests.
url: https://test.example/
language: en-US
timeZone: America/New_York
logo: /images/site/logo.png
social:
  - name: Mastodon
    url: https://mastodon.social/@marquee
editorsPicks:
  - daredevil-first-look
  - luke-cage-set-photos
`

export const CATEGORIES_YAML = `- slug: tv
  name: TV News
  description: Set reports, casting and reviews.
  order: 1
- slug: movies
  name: Movies
  description: Trailers, box office and release dates.
  order: 2
`

export const TOPICS_YAML = `- slug: luke-cage
  name: Luke Cage
  kind: show
  description: Marvel's bulletproof hero of Harlem.
  sameAs:
    - https://en.wikipedia.org/wiki/Luke_Cage_(TV_series)
- slug: daredevil
  name: Daredevil
  kind: show
  description: The blind lawyer of Hell's Kitchen.
- slug: marvel-netflix
  name: Marvel's Netflix series
  kind: franchise
  description: The street-level Marvel shows first made for Netflix.
- slug: mcu
  name: Marvel Cinematic Universe
  kind: franchise
  description: Marvel Studios' shared universe.
`

export function authorText(name: string, avatar: string): string {
  return `---
name: ${name}
role: Staff Writer
avatar: ${avatar}
sameAs:
  - https://mastodon.social/@writer
---
${name} writes about television for Marquee.
`
}

export const HERO_IMAGE = '/images/articles/hero.webp'
export const INLINE_IMAGE = '/images/articles/inline.webp'

/** The fields every test article starts from. */
export function defaultArticleFields(slug: string): Fields {
  return {
    title: `Story ${slug}`,
    dek: `What happened in ${slug}.`,
    category: 'tv',
    topics: [],
    authors: ['dana-okafor'],
    publishedAt: '2026-11-01T09:00:00-04:00',
    hero: { image: HERO_IMAGE, alt: 'A film set at night.' },
  }
}

export function defaultGalleryFields(slug: string): Fields {
  return {
    title: `Gallery ${slug}`,
    dek: `Photos from ${slug}.`,
    publishedAt: '2026-11-01T09:00:00-04:00',
    slides: [
      { image: '/images/galleries/set-photos/01.webp', alt: 'A camera dolly on a sidewalk.' },
      { image: '/images/galleries/set-photos/02.webp', alt: 'Two actors between takes.' },
    ],
  }
}

/** YAML for the fields, leaving out those set to `undefined`. */
export function yamlOf(fields: Fields): string {
  const defined = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined))
  return stringify(defined, { lineWidth: 0 })
}

export function articleText(slug: string, fields: Fields = {}, body?: string): string {
  const frontmatter = yamlOf({ ...defaultArticleFields(slug), ...fields })
  return `---\n${frontmatter}---\n${body ?? `The body of ${slug}, in a few plain words.`}\n`
}

/** The 1-based line of the first line of `text` that contains `needle`. */
export function lineOf(text: string, needle: string): number {
  const index = text.split('\n').findIndex((line) => line.includes(needle))
  if (index < 0) throw new Error(`"${needle}" is not in the text`)
  return index + 1
}

const BASE_ARTICLES: [string, Fields, string?][] = [
  [
    'luke-cage-set-photos',
    {
      title: 'Luke Cage Season 2 Set Photos',
      topics: ['luke-cage', 'marvel-netflix'],
      publishedAt: '2026-11-20T10:15:00-05:00',
      gallery: 'set-photos',
      next: 'daredevil-first-look',
      related: ['daredevil-first-look'],
    },
    [
      'Luke and Claire are back on a Harlem street.',
      '',
      `![A film crew on a Harlem sidewalk.](${INLINE_IMAGE} "Cameras on a Harlem block.")`,
      '',
      'See [the second photo](/gallery/set-photos/2) and [Daredevil](/tv/daredevil-first-look).',
      '',
      '::gallery{slug="set-photos"}',
    ].join('\n'),
  ],
  [
    'daredevil-first-look',
    {
      title: 'Daredevil Born Again: First Look',
      topics: ['daredevil', 'marvel-netflix'],
      authors: ['leo-hartmann'],
      publishedAt: '2026-11-18T09:00:00-05:00',
    },
  ],
  [
    'doomsday-trailer',
    {
      title: 'Avengers: Doomsday Trailer',
      category: 'movies',
      topics: ['mcu'],
      authors: ['dana-okafor', 'leo-hartmann'],
      publishedAt: '2026-11-15T12:00:00-05:00',
    },
  ],
]

const imageCache = new Map<string, Promise<Buffer>>()

/** A real image, encoded by sharp once per size and format. */
function imageBytes(width: number, height: number, format: string): Promise<Buffer> {
  const key = `${width}x${height}.${format}`
  let bytes = imageCache.get(key)
  if (!bytes) {
    const image = sharp({ create: { width, height, channels: 3, background: '#336' } })
    bytes = (format === 'png' ? image.png() : image.webp()).toBuffer()
    imageCache.set(key, bytes)
  }
  return bytes
}

const roots = new Set<string>()

/**
 * Creates the library. With `articles: false` it holds only site, categories, topics, authors
 * and images, for tests that need full control over the stories.
 */
export async function createTestLibrary(
  options: { articles?: boolean } = {},
): Promise<TestLibrary> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'marquee-content-'))
  roots.add(root)
  const full = (file: string) => path.join(root, file)

  const library: TestLibrary = {
    root,
    async write(file, text) {
      await mkdir(path.dirname(full(file)), { recursive: true })
      await writeFile(full(file), text)
      return text
    },
    read: (file) => readFile(full(file), 'utf8'),
    async edit(file, search, replacement) {
      const text = await library.read(file)
      const parts = text.split(search)
      if (parts.length !== 2) throw new Error(`"${search}" is not in ${file} exactly once`)
      return library.write(file, parts.join(replacement))
    },
    remove: (file) => rm(full(file), { force: true }),
    async writeImage(src, width = 1600, height = 900) {
      if (!src.startsWith('/images/')) throw new Error(`not a content image URL: ${src}`)
      const file = full(src.slice(1))
      await mkdir(path.dirname(file), { recursive: true })
      await writeFile(file, await imageBytes(width, height, path.extname(file).slice(1)))
    },
    writeArticle: (slug, fields, body) =>
      library.write(`articles/${slug}.md`, articleText(slug, fields, body)),
    writeGallery: (slug, fields = {}) =>
      library.write(`galleries/${slug}.yaml`, yamlOf({ ...defaultGalleryFields(slug), ...fields })),
    load: (options) => loadLibrary(root, options),
  }

  await Promise.all([
    library.write('site.yaml', SITE_YAML),
    library.write('categories.yaml', CATEGORIES_YAML),
    library.write('topics.yaml', TOPICS_YAML),
    library.write(
      'authors/dana-okafor.md',
      authorText('Dana Okafor', '/images/authors/dana-okafor.webp'),
    ),
    library.write(
      'authors/leo-hartmann.md',
      authorText('Leo Hartmann', '/images/authors/leo-hartmann.webp'),
    ),
    library.writeImage('/images/site/logo.png', 240, 60),
    library.writeImage('/images/authors/dana-okafor.webp', 96, 96),
    library.writeImage('/images/authors/leo-hartmann.webp', 96, 96),
    library.writeImage(HERO_IMAGE, 1600, 900),
    library.writeImage(INLINE_IMAGE, 1200, 800),
    library.writeImage('/images/galleries/set-photos/01.webp', 1600, 900),
    library.writeImage('/images/galleries/set-photos/02.webp', 900, 1600),
  ])
  if (options.articles !== false) {
    await Promise.all([
      ...BASE_ARTICLES.map(([slug, fields, body]) => library.writeArticle(slug, fields, body)),
      library.writeGallery('set-photos', {
        title: 'Luke Cage Season 2 Set Photos',
        article: 'luke-cage-set-photos',
        publishedAt: '2026-11-20T10:00:00-05:00',
      }),
    ])
  }
  return library
}

/** Deletes every library this process created; call it from `afterAll`. */
export async function removeTestLibraries(): Promise<void> {
  await Promise.all([...roots].map((root) => rm(root, { recursive: true, force: true })))
  roots.clear()
}
