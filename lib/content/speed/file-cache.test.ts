import { createHash } from 'node:crypto'
import { mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { cacheFolder, CACHE_VERSION, SHARDS } from './file-cache'
import type { LoadResult } from '../load'
import { createTestLibrary, removeTestLibraries, type TestLibrary } from '../test-library'

const NOW = Date.parse('2026-11-21T12:00:00Z')
const HOUR_MS = 3_600_000

let cacheDir = ''
beforeEach(async () => {
  cacheDir = await mkdtemp(path.join(os.tmpdir(), 'marquee-cache-'))
})
afterEach(() => {
  vi.restoreAllMocks()
  return rm(cacheDir, { recursive: true, force: true })
})
afterAll(removeTestLibraries)

/** Sets a file's modification time `ago` ms back: older than the cache's racy window. */
async function age(content: TestLibrary, file: string, ago = HOUR_MS) {
  const time = new Date(Date.now() - ago)
  await utimes(path.join(content.root, file), time, time)
}

/** The test library, with findings that need lines, all of its stories an hour old. */
async function library(): Promise<TestLibrary> {
  const content = await createTestLibrary()
  await content.writeArticle('unknown-topic', { topics: ['no-such-topic'] })
  await content.writeArticle('long-title', { title: `A headline ${'that goes on '.repeat(12)}` })
  await content.writeArticle('broken-link', {}, 'See [this](/tv/no-such-story).')
  await content.writeArticle('invalid', { category: 'Not A Slug' })
  await content.write('articles/no-frontmatter.md', 'Just words.\n')
  for (const file of await readdir(path.join(content.root, 'articles'))) {
    await age(content, `articles/${file}`)
  }
  return content
}

function load(content: TestLibrary, cached: boolean): Promise<LoadResult> {
  return content.load({ now: NOW, cacheDir: cached ? cacheDir : undefined })
}

async function shardFiles(content: TestLibrary): Promise<string[]> {
  const folder = cacheFolder(cacheDir, content.root, 'articles')
  const names = await readdir(folder).catch(() => [])
  return names.map((name) => path.join(folder, name))
}

async function cachedFiles(content: TestLibrary): Promise<string[]> {
  const shards = await Promise.all(
    (await shardFiles(content)).map(async (file) => {
      const { entries } = JSON.parse(await readFile(file, 'utf8')) as { entries: object }
      return Object.keys(entries)
    }),
  )
  return shards.flat().sort()
}

describe('the content cache', () => {
  it('gives the same library and findings cold, warm and after an edit as no cache', async () => {
    const content = await library()
    const reference = await load(content, false)
    expect(reference.issues.length).toBeGreaterThan(3)
    expect(await load(content, true)).toEqual(reference)
    expect(await cachedFiles(content)).toHaveLength(8)
    expect(await load(content, true)).toEqual(reference)

    const file = 'articles/daredevil-first-look.md'
    await content.edit(file, 'Daredevil Born Again', 'Daredevil: Born Again, Again')
    await age(content, file, HOUR_MS / 2)
    const edited = await load(content, false)
    expect(edited.library?.articleBySlug.get('daredevil-first-look')?.title).toContain('Again,')
    expect(await load(content, true)).toEqual(edited)
    expect(await load(content, true)).toEqual(edited)
  })

  it('serves a file unchanged in path, size and modification time from the cache', async () => {
    const content = await library()
    await load(content, true)
    const file = 'articles/doomsday-trailer.md'
    const { mtime } = await stat(path.join(content.root, file))
    await content.edit(file, 'Avengers: Doomsday', 'Avengers: Doomsdax')
    await utimes(path.join(content.root, file), mtime, mtime)
    const title = (result: LoadResult) =>
      result.library?.articleBySlug.get('doomsday-trailer')?.title
    expect(title(await load(content, true))).toBe('Avengers: Doomsday Trailer')
    expect(title(await load(content, false))).toBe('Avengers: Doomsdax Trailer')
  })

  it('forgets a removed file and does not cache a file changed moments ago', async () => {
    const content = await library()
    await load(content, true)
    await content.remove('articles/long-title.md')
    await content.writeArticle('fresh', {})
    const result = await load(content, true)
    expect(result).toEqual(await load(content, false))
    expect(result.library?.articleBySlug.has('fresh')).toBe(true)
    const cached = await cachedFiles(content)
    expect(cached).not.toContain('articles/long-title.md')
    expect(cached).not.toContain('articles/fresh.md')
    expect(cached).toContain('articles/luke-cage-set-photos.md')
  })

  it('ignores corrupt shards and shards of another version, says so once, and rewrites them', async () => {
    const content = await library()
    const reference = await load(content, false)
    await load(content, true)
    const shards = await shardFiles(content)
    expect(shards.length).toBeGreaterThan(1)
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    await Promise.all(shards.map((file) => writeFile(file, '{"version": 1, "root": "/x", "ent')))
    expect(await load(content, true)).toEqual(reference)
    expect(warn).toHaveBeenCalledTimes(1)
    expect(await cachedFiles(content)).toHaveLength(8)

    for (const file of shards) {
      const data = JSON.parse(await readFile(file, 'utf8')) as { version: number }
      await writeFile(file, JSON.stringify({ ...data, version: CACHE_VERSION + 1 }))
    }
    expect(await load(content, true)).toEqual(reference)
    expect(await cachedFiles(content)).toHaveLength(8)

    await Promise.all(shards.map((file) => writeFile(file, '[]')))
    expect(await load(content, true)).toEqual(reference)
    expect(shards.length).toBeLessThanOrEqual(SHARDS)
  })

  it('loads all the same when the cache folder cannot be read or written', async () => {
    const content = await library()
    const reference = await load(content, false)
    const file = path.join(cacheDir, 'not-a-folder')
    await writeFile(file, '')
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    expect(await content.load({ now: NOW, cacheDir: file })).toEqual(reference)
    expect(warn).toHaveBeenCalled()
  })
})

/**
 * What the cache holds is computed by this code: when any of it changes, a cache written before
 * may hold results the new code would not give. Then bump CACHE_VERSION in file-cache.ts and
 * put the hash this test prints here.
 */
const LOADER_HASH = '5a2d2319af1a9efa'
const LOADER_SOURCES = [
  'article-file.ts',
  'body.ts',
  'body-scan.ts',
  'file-cache.ts',
  'fast-yaml.ts',
  'frontmatter.ts',
  '../markdown.ts',
  '../parse.ts',
  '../schema.ts',
]
const LOADER_PACKAGES = [
  'gray-matter',
  'js-yaml',
  'rehype-raw',
  'rehype-sanitize',
  'remark-directive',
  'remark-gfm',
  'remark-parse',
  'remark-rehype',
  'unified',
  'yaml',
  'zod',
]

describe('CACHE_VERSION', () => {
  it('is bumped whenever the code behind cached results changes', async () => {
    const hash = createHash('sha256').update(String(CACHE_VERSION))
    for (const file of LOADER_SOURCES) {
      hash.update(path.basename(file)).update(await readFile(path.join(__dirname, file), 'utf8'))
    }
    const lock = JSON.parse(
      await readFile(path.join(__dirname, '../../../package-lock.json'), 'utf8'),
    ) as { packages: Record<string, { version?: string }> }
    for (const name of LOADER_PACKAGES) {
      hash.update(`${name}@${lock.packages[`node_modules/${name}`]?.version}`)
    }
    const digest = hash.digest('hex').slice(0, 16)
    expect(
      digest,
      `The code behind cached content changed: bump CACHE_VERSION and set LOADER_HASH to ${digest}`,
    ).toBe(LOADER_HASH)
  })
})
