import { statSync } from 'node:fs'
import path from 'node:path'
import { XMLParser } from 'fast-xml-parser'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Article, Library } from '@/lib/content'
import {
  createTestLibrary,
  HERO_IMAGE,
  removeTestLibraries,
  type TestLibrary,
} from '@/lib/content/test-library'
import { FEED_SIZE, feedArticles, feedPath, heroSizes, rssFeedXml } from './feeds'

const NOW = Date.parse('2026-11-21T12:00:00-05:00')
const SITE = 'https://test.example'

let content: TestLibrary
let library: Library

beforeAll(async () => {
  content = await createTestLibrary()
  await content.writeArticle('tom-and-jerry', {
    title: 'Tom & Jerry <Live> ]]> Is Back',
    dek: 'Cats & mice, <finally>.',
    publishedAt: '2026-11-19T08:00:00-05:00',
    topics: ['luke-cage'],
  })
  await content.writeArticle('draft-story', {
    publishedAt: '2026-11-21T09:00:00-05:00',
    draft: true,
  })
  await content.writeArticle('scheduled-story', { publishedAt: '2026-11-23T09:00:00-05:00' })
  const result = await content.load()
  if (!result.library || result.issues.length) throw new Error('the test library is not clean')
  library = result.library
})

afterAll(removeTestLibraries)

interface RssItem {
  title: string
  link: string
  guid: { '#text': string; '@_isPermaLink': string }
  pubDate: string
  description: string
  'dc:creator': string | string[]
  category: { '#text': string; '@_domain': string }[]
  enclosure: { '@_url': string; '@_type': string; '@_length': string }
}

/** Parses RSS as a reader would: every item, creator and category as a list. */
function parseRss(xml: string) {
  const parser = new XMLParser({
    ignoreAttributes: false,
    parseAttributeValue: false,
    parseTagValue: false,
    isArray: (name) => ['item', 'category', 'dc:creator'].includes(name),
  })
  const { rss } = parser.parse(xml) as {
    rss: { '@_xmlns:dc'?: string; channel: Record<string, unknown> & { item?: RssItem[] } }
  }
  return { rss, channel: rss.channel, items: rss.channel.item ?? [] }
}

function render(articles = feedArticles(library, NOW), options = {}) {
  return parseRss(rssFeedXml(library, articles, options))
}

describe('feedArticles', () => {
  it('takes published stories only, newest first', () => {
    expect(feedArticles(library, NOW).map((article) => article.slug)).toEqual([
      'luke-cage-set-photos',
      'tom-and-jerry',
      'daredevil-first-look',
      'doomsday-trailer',
    ])
  })

  it('narrows to one category', () => {
    const movies = library.categoryBySlug.get('movies')
    expect(feedArticles(library, NOW, movies).map((article) => article.slug)).toEqual([
      'doomsday-trailer',
    ])
  })

  it(`stops at the newest ${FEED_SIZE}`, () => {
    const model = library.articleBySlug.get('daredevil-first-look')!
    const many: Article[] = Array.from({ length: FEED_SIZE + 5 }, (_, index) => ({
      ...model,
      slug: `copy-${index}`,
      publishedTime: NOW - index * 60_000,
    }))
    const listed = feedArticles({ ...library, articles: many }, NOW)
    expect(listed).toHaveLength(FEED_SIZE)
    expect(listed.at(-1)?.slug).toBe(`copy-${FEED_SIZE - 1}`)
  })
})

describe('rssFeedXml', () => {
  it('describes the site, links itself and dates the channel by its newest story', () => {
    const { rss, channel } = render()
    expect(rss['@_xmlns:dc']).toBe('http://purl.org/dc/elements/1.1/')
    expect(channel.title).toBe('Test Marquee')
    expect(channel.link).toBe(`${SITE}/`)
    expect(channel.language).toBe('en-US')
    expect(channel['atom:link']).toMatchObject({ '@_href': `${SITE}/feed.xml`, '@_rel': 'self' })
    expect(Date.parse(String(channel.lastBuildDate))).toBe(Date.parse('2026-11-20T10:15:00-05:00'))
  })

  it('gives each item its canonical URL as a permalink guid, its date and its dek', () => {
    const { items } = render()
    const [first] = items
    expect(first?.link).toBe(`${SITE}/tv/luke-cage-set-photos`)
    expect(first?.guid).toEqual({ '#text': first?.link, '@_isPermaLink': 'true' })
    expect(Date.parse(first?.pubDate ?? '')).toBe(Date.parse('2026-11-20T10:15:00-05:00'))
    expect(first?.description).toBe('What happened in luke-cage-set-photos.')
    for (const item of items) expect(item.guid['#text']).toBe(item.link)
  })

  it('names every author in a dc:creator of their own', () => {
    const doomsday = render().items.find((item) => item.link.endsWith('/doomsday-trailer'))
    expect(doomsday?.['dc:creator']).toEqual(['Dana Okafor', 'Leo Hartmann'])
  })

  it('files each item under its category and topics, each with its hub as the domain', () => {
    const story = render().items.find((item) => item.link.endsWith('/luke-cage-set-photos'))
    expect(story?.category).toEqual([
      { '#text': 'TV News', '@_domain': `${SITE}/tv` },
      { '#text': 'Luke Cage', '@_domain': `${SITE}/topic/luke-cage` },
      { '#text': "Marvel's Netflix series", '@_domain': `${SITE}/topic/marvel-netflix` },
    ])
  })

  it('attaches the hero as an enclosure with its type and byte length', () => {
    const { items } = render(undefined, { heroBytes: new Map([[HERO_IMAGE, 12_345]]) })
    expect(items[0]?.enclosure).toEqual({
      '@_url': `${SITE}${HERO_IMAGE}`,
      '@_type': 'image/webp',
      '@_length': '12345',
    })
  })

  it('keeps titles and deks with &, < and ]]> intact', () => {
    const story = render().items.find((item) => item.link.endsWith('/tom-and-jerry'))
    expect(story?.title).toBe('Tom & Jerry <Live> ]]> Is Back')
    expect(story?.description).toBe('Cats & mice, <finally>.')
  })

  it('never lists a draft or a scheduled story', () => {
    const xml = rssFeedXml(library, feedArticles(library, NOW))
    expect(xml).not.toContain('draft-story')
    expect(xml).not.toContain('scheduled-story')
  })

  it("titles and links a category's feed after the category", () => {
    const movies = library.categoryBySlug.get('movies')!
    const { channel, items } = render(feedArticles(library, NOW, movies), { category: movies })
    expect(feedPath(movies)).toBe('/movies/feed.xml')
    expect(channel.title).toBe('Movies | Test Marquee')
    expect(channel.link).toBe(`${SITE}/movies`)
    expect(channel.description).toBe('Trailers, box office and release dates.')
    expect(channel['atom:link']).toMatchObject({ '@_href': `${SITE}/movies/feed.xml` })
    expect(items.map((item) => item.link)).toEqual([`${SITE}/movies/doomsday-trailer`])
  })
})

describe('heroSizes', () => {
  it('reads the byte size of each hero image from the library', async () => {
    vi.stubEnv('CONTENT_DIR', content.root)
    try {
      const sizes = await heroSizes(feedArticles(library, NOW))
      const file = path.join(content.root, HERO_IMAGE)
      expect(sizes).toEqual(new Map([[HERO_IMAGE, statSync(file).size]]))
    } finally {
      vi.unstubAllEnvs()
    }
  })
})
