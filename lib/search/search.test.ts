import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestLibrary, removeTestLibraries } from '@/lib/content/test-library'
import type { Library } from '@/lib/content'
import { excerpt, highlight } from './highlight'
import { RESULTS_PER_PAGE, searchLibrary, type SearchHit } from './search'

afterAll(removeTestLibraries)

const NOW = Date.parse('2026-11-23T12:00:00-05:00')
let library: Library

beforeAll(async () => {
  const content = await createTestLibrary()
  // The same word in the title, the dek and the body of three stories.
  await content.writeArticle('in-title', {
    title: 'Zanzibar Nights Return',
    dek: 'A revival is coming.',
    publishedAt: '2026-11-02T09:00:00-05:00',
  })
  await content.writeArticle('in-dek', {
    title: 'A Revival Is Coming',
    dek: 'Zanzibar nights are back on screen.',
    publishedAt: '2026-11-03T09:00:00-05:00',
  })
  await content.writeArticle(
    'in-body',
    { title: 'Another Story', dek: 'Something else.', publishedAt: '2026-11-04T09:00:00-05:00' },
    `${'Filler words about nothing in particular. '.repeat(12)}Then Zanzibar appears once.`,
  )
  await content.writeArticle('hidden-draft', { title: 'Zanzibar Draft', draft: true })
  await content.writeArticle('zanzibar-later', {
    title: 'Zanzibar Later',
    publishedAt: '2026-12-01T09:00:00-05:00',
  })
  await content.writeArticle('accents', { title: 'Déjà Vu All Over Again' })
  for (let n = 1; n <= 12; n++) {
    await content.writeArticle(`many-${n}`, { title: `Marathon part ${n}` })
  }
  const loaded = await content.load()
  library = loaded.library!
})

const urls = (hits: SearchHit[]) => hits.map((hit) => hit.url)
const marked = (segments: { text: string; mark?: true }[]) =>
  segments.filter((segment) => segment.mark).map((segment) => segment.text)

describe('searchLibrary', () => {
  it('ranks a match in the title above the dek above the body', async () => {
    const result = await searchLibrary(library, 'zanzibar', 1, NOW)
    expect(urls(result.hits)).toEqual(['/tv/in-title', '/tv/in-dek', '/tv/in-body'])
    expect(result.total).toBe(3)
  })

  it('never finds a draft, and finds a scheduled story only once it is out', async () => {
    expect(urls((await searchLibrary(library, 'zanzibar', 1, NOW)).hits)).not.toContain(
      '/tv/hidden-draft',
    )
    const later = await searchLibrary(library, 'zanzibar', 1, Date.parse('2026-12-02T00:00:00Z'))
    expect(urls(later.hits)).toContain('/tv/zanzibar-later')
    expect(urls(later.hits)).not.toContain('/tv/hidden-draft')
  })

  it.each(['luk', 'luke cag', 'lukr cage', 'LUKE', 'cage luke'])(
    'finds the Luke Cage story for %j (prefix, typo, case, order)',
    async (query) => {
      expect(urls((await searchLibrary(library, query, 1, NOW)).hits)[0]).toBe(
        '/tv/luke-cage-set-photos',
      )
    },
  )

  it('matches accents either way and highlights the word as written', async () => {
    const [hit] = (await searchLibrary(library, 'deja vu', 1, NOW)).hits
    expect(hit?.url).toBe('/tv/accents')
    expect(marked(hit!.title)).toEqual(['Déjà', 'Vu'])
  })

  it('highlights the matched words in the title and a body snippet around them', async () => {
    const [hit] = (await searchLibrary(library, 'zanzibar', 1, NOW)).hits.filter(
      (h) => h.url === '/tv/in-body',
    )
    expect(marked(hit!.snippet)).toEqual(['Zanzibar'])
    expect(hit!.snippet[0]?.text).toBe('… ')
    expect(hit!.section).toBe('TV News')
  })

  it('falls back to any word when no story has them all', async () => {
    const result = await searchLibrary(library, 'zanzibar zyzzyva', 1, NOW)
    expect(result.total).toBe(3)
  })

  it('paginates', async () => {
    const first = await searchLibrary(library, 'marathon', 1, NOW)
    const second = await searchLibrary(library, 'marathon', 2, NOW)
    expect(first).toMatchObject({ total: 12, pageCount: 2, page: 1 })
    expect(first.hits).toHaveLength(RESULTS_PER_PAGE)
    expect(second.hits).toHaveLength(2)
    expect(new Set([...urls(first.hits), ...urls(second.hits)]).size).toBe(12)
    expect((await searchLibrary(library, 'marathon', 3, NOW)).hits).toEqual([])
  })

  it('finds nothing for a word no story has', async () => {
    expect(await searchLibrary(library, 'zyzzyva', 1, NOW)).toMatchObject({ total: 0, hits: [] })
  })
})

describe('highlight and excerpt', () => {
  const terms = new Set(['cage'])

  it('marks whole words only', async () => {
    expect(highlight('Cage, cages and Cage.', terms)).toEqual([
      { text: 'Cage', mark: true },
      { text: ', cages and ' },
      { text: 'Cage', mark: true },
      { text: '.' },
    ])
  })

  it('cuts long text around the first match at word boundaries', async () => {
    const text = `${'word '.repeat(100)}Luke Cage ${'more '.repeat(100)}`.trim()
    const segments = excerpt(text, terms, 100)!
    const joined = segments.map((segment) => segment.text).join('')
    expect(joined.startsWith('… word')).toBe(true)
    expect(joined.endsWith('more …')).toBe(true)
    expect(joined.length).toBeLessThanOrEqual(106)
    expect(marked(segments)).toEqual(['Cage'])
  })

  it('returns undefined when nothing matches', async () => {
    expect(excerpt('Nothing here.', terms)).toBeUndefined()
  })
})
