import { createHash } from 'node:crypto'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { loadLibrary } from '@/lib/content/load'
import { isoInZone, slugify, synthLibrary } from './generate'
import { createRandom, zipfPicker } from './random'
import { MARKER, writeSynthLibrary } from './write'

const IMAGES = path.resolve(__dirname, '../../content/images')
const UNTIL = new Date('2026-11-20T00:00:00Z')
const roots: string[] = []

async function tempDir(): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'marquee-synth-'))
  roots.push(root)
  return root
}

afterAll(() => Promise.all(roots.map((root) => rm(root, { recursive: true, force: true }))))

/** Every file of a folder (images excluded) with a hash of its text. */
async function digest(root: string): Promise<Map<string, string>> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true })
  const files = entries
    .filter((entry) => entry.isFile() && /\.(md|ya?ml)$/.test(entry.name))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .sort()
  const hashes = await Promise.all(
    files.map(async (file) =>
      createHash('sha1')
        .update(await readFile(path.join(root, file)))
        .digest('hex'),
    ),
  )
  return new Map(files.map((file, index) => [file, hashes[index] ?? '']))
}

describe('content:synth', () => {
  it('writes a library that loads with no findings', async () => {
    const out = await tempDir()
    const stats = writeSynthLibrary({
      articles: 50,
      seed: 'unit',
      until: UNTIL,
      out,
      imagesFrom: IMAGES,
    })
    expect(stats.images).toBeGreaterThan(0)
    const { library, issues } = await loadLibrary(out)
    expect(issues).toEqual([])
    if (!library) throw new Error('no library')
    expect(library.articles).toHaveLength(50)
    expect(library.authors.length).toBeGreaterThanOrEqual(8)
    expect(library.topics.length).toBeGreaterThanOrEqual(40)
    const galleryFiles = await readdir(path.join(out, 'galleries'))
    expect(library.galleries).toHaveLength(galleryFiles.length)

    const twoYears = 731 * 86_400_000
    for (const article of library.articles) {
      expect(article.publishedTime).toBeLessThanOrEqual(UNTIL.getTime())
      expect(article.publishedTime).toBeGreaterThan(UNTIL.getTime() - twoYears)
      expect(article.wordCount).toBeGreaterThanOrEqual(450)
      expect(article.wordCount).toBeLessThanOrEqual(1400)
      expect(article.draft).toBe(false)
    }
    // Bodies carry subheadings, a captioned figure and links to other stories.
    const texts = await Promise.all(
      library.articles.map((article) => readFile(path.join(out, article.file), 'utf8')),
    )
    expect(texts.every((text) => /\n## /.test(text))).toBe(true)
    expect(texts.every((text) => /\n!\[[^\]]+\]\(\/images\/[^ ]+ "[^"]+"\)\n/.test(text))).toBe(
      true,
    )
    const linking = texts.filter((text) => /\]\(\/(tv|movies|comics|gaming|streaming)\//.test(text))
    expect(linking.length).toBeGreaterThan(40)
    // A small set of images, reused: no more image files than the source set has.
    const images = await readdir(path.join(out, 'images'), { recursive: true })
    expect(images.filter((file) => String(file).endsWith('.webp')).length).toBeLessThan(200)
  })

  it('is deterministic for a seed and an end date', async () => {
    const [a, b, c] = await Promise.all([tempDir(), tempDir(), tempDir()])
    const options = { articles: 30, until: UNTIL, imagesFrom: IMAGES }
    writeSynthLibrary({ ...options, seed: 'same', out: a })
    writeSynthLibrary({ ...options, seed: 'same', out: b })
    writeSynthLibrary({ ...options, seed: 'other', out: c })
    const [da, db, dc] = await Promise.all([digest(a), digest(b), digest(c)])
    expect([...da]).toEqual([...db])
    expect([...da]).not.toEqual([...dc])
  })

  it('replaces only a folder it wrote itself', async () => {
    const out = await tempDir()
    await writeFile(path.join(out, 'notes.txt'), 'keep me')
    const options = { articles: 5, seed: 's', until: UNTIL, out, imagesFrom: IMAGES }
    expect(() => writeSynthLibrary({ ...options, force: true })).toThrow(/not empty/)
    await rm(path.join(out, 'notes.txt'))
    writeSynthLibrary(options)
    expect(() => writeSynthLibrary(options)).toThrow(/--force/)
    writeSynthLibrary({ ...options, articles: 3, force: true })
    expect(await readdir(path.join(out, 'articles'))).toHaveLength(3)
    expect(await readFile(path.join(out, MARKER), 'utf8')).toContain('"articles":3')
  })

  it('streams articles oldest first with unique slugs', () => {
    const images = {
      heroes: ['/images/a.webp', '/images/b.webp'],
      slides: ['/images/s.webp'],
      avatars: ['/images/p.webp'],
      logo: '/images/logo.png',
    }
    const files = [...synthLibrary({ articles: 400, seed: 'x', until: UNTIL }, images)]
    const articles = files.filter((file) => file.path.startsWith('articles/'))
    expect(articles).toHaveLength(400)
    expect(new Set(articles.map((file) => file.path)).size).toBe(400)
    const dates = articles.map((file) => Date.parse(/publishedAt: '([^']+)'/.exec(file.text)![1]!))
    expect(dates).toEqual([...dates].sort((x, y) => x - y))
    expect(files.at(-2)?.path).toBe('site.yaml')
  })
})

describe('synth helpers', () => {
  it('writes times in New York with the offset in force', () => {
    expect(isoInZone(Date.parse('2026-01-15T15:30:00Z'))).toBe('2026-01-15T10:30:00-05:00')
    expect(isoInZone(Date.parse('2026-07-04T16:00:00Z'))).toBe('2026-07-04T12:00:00-04:00')
  })

  it('makes slugs of titles', () => {
    expect(slugify('The 5 Best Episodes of Ironvale Ferry, Ranked')).toBe(
      'the-5-best-episodes-of-ironvale-ferry-ranked',
    )
    expect(slugify('Last year\u2019s strike: what it cost')).toBe('last-years-strike-what-it-cost')
  })

  it('draws the same numbers for the same seed, popular items most often', () => {
    const a = createRandom('seed')
    const b = createRandom('seed')
    expect(Array.from({ length: 5 }, () => a.next())).toEqual(
      Array.from({ length: 5 }, () => b.next()),
    )
    const pick = zipfPicker(10, 1, createRandom('zipf'))
    const counts = new Array<number>(10).fill(0)
    for (let i = 0; i < 5000; i++) counts[pick()]!++
    expect(counts[0]).toBeGreaterThan(counts[9]! * 4)
  })
})
