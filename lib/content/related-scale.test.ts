/**
 * relatedArticles scores only the stories that can place; these tests compare it with scoring
 * the whole library (the straightforward version, kept here as the reference) on a generated
 * library of a few hundred stories.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createRandom } from '@/scripts/synth/random'
import { writeSynthLibrary } from '@/scripts/synth/write'
import { loadLibrary } from './load'
import { publishedArticles } from './index'
import { isPublished } from './publishing'
import { relatedArticles, type RelatedPick } from './related'
import type { Article, Library } from './types'

const DAY_MS = 86_400_000

/** The ranking over every story in the library, as relatedArticles first did it. */
function reference(
  library: Library,
  article: Article,
  { limit = 4, exclude = new Set<string>(), now = Date.now() } = {},
): RelatedPick[] {
  const candidates = library.articles.filter(
    (other) => other.slug !== article.slug && !exclude.has(other.slug) && isPublished(other, now),
  )
  const pool = candidates.concat(article)
  const counts = new Map<string, number>()
  for (const a of pool) for (const t of a.topics) counts.set(t, (counts.get(t) ?? 0) + 1)
  const weight = new Map([...counts].map(([t, c]) => [t, 1 + Math.log(pool.length / c)]))
  const category = library.categoryBySlug.get(article.category)
  const picks = candidates.flatMap((other): RelatedPick[] => {
    const shared = other.topics
      .filter((t) => article.topics.includes(t))
      .sort((a, b) => (weight.get(b) ?? 0) - (weight.get(a) ?? 0))
    const topicScore = shared.reduce((sum, t) => sum + (weight.get(t) ?? 0), 0)
    const same = other.category === article.category
    const editorIndex = article.related.indexOf(other.slug)
    if (editorIndex < 0 && !topicScore && !same) return []
    const decay = 0.5 ** (Math.abs(article.publishedTime - other.publishedTime) / DAY_MS / 45)
    const base = 2 * topicScore + (same ? 1 : 0)
    const score = (editorIndex >= 0 ? 1000 - editorIndex : 0) + base * (0.5 + 0.5 * decay)
    const name = shared[0] ? library.topicBySlug.get(shared[0])?.name : undefined
    const reason = name
      ? `More on ${name}`
      : same && category
        ? `More in ${category.name}`
        : 'Related'
    return [{ article: other, score, reason }]
  })
  const rank = (p: RelatedPick) => {
    const i = article.related.indexOf(p.article.slug)
    return i < 0 ? article.related.length : i
  }
  return picks
    .sort(
      (a, b) =>
        rank(a) - rank(b) || b.score - a.score || b.article.publishedTime - a.article.publishedTime,
    )
    .slice(0, limit)
}

let root = ''
let library: Library

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'marquee-related-'))
  writeSynthLibrary({
    articles: 400,
    seed: 'related',
    until: new Date('2026-11-01T00:00:00Z'),
    out: root,
    imagesFrom: path.resolve(__dirname, '../../content/images'),
  })
  const loaded = await loadLibrary(root)
  if (!loaded.library) throw new Error('no library')
  library = loaded.library
}, 60_000)

afterAll(() => rm(root, { recursive: true, force: true }))

const summary = (picks: RelatedPick[]) =>
  picks.map(({ article, score, reason }) => ({ slug: article.slug, score, reason }))

describe('relatedArticles at scale', () => {
  it('ranks as scoring the whole library does, for any limit, exclusion and time', () => {
    const random = createRandom('compare')
    const times = library.articles.map((a) => a.publishedTime)
    for (let i = 0; i < 300; i++) {
      const article = random.pick(library.articles)
      const limit = random.pick([1, 2, 4, 10, 40])
      const exclude = new Set(random.sample(library.articles, random.int(0, 5)).map((a) => a.slug))
      const now = random.chance(0.3) ? random.pick(times) : Date.parse('2026-11-02T00:00:00Z')
      const options = { limit, exclude, now }
      expect(summary(relatedArticles(library, article, options))).toEqual(
        summary(reference(library, article, options)),
      )
    }
  })

  it('ranks a story that is not (or no longer) in the library', () => {
    const article = { ...library.articles[10]!, slug: 'preview-only', related: [] }
    const options = { limit: 6, now: Date.parse('2026-11-02T00:00:00Z') }
    expect(summary(relatedArticles(library, article, options))).toEqual(
      summary(reference(library, article, options)),
    )
  })

  it('lists a hub’s stories as filtering the whole library does', () => {
    const now = Date.parse('2026-06-01T00:00:00Z')
    const filters = [
      {},
      { category: 'tv' },
      { topic: library.topics[0]!.slug },
      { author: library.authors[1]!.slug },
      { category: 'movies', topic: library.topics[3]!.slug },
      { topic: 'no-such-topic' },
    ]
    for (const filter of filters) {
      const expected = library.articles.filter(
        (a) =>
          isPublished(a, now) &&
          (!filter.category || a.category === filter.category) &&
          (!filter.topic || a.topics.includes(filter.topic)) &&
          (!filter.author || a.authors.includes(filter.author)),
      )
      expect(publishedArticles(library, filter, now)).toEqual(expected)
    }
  })
})
