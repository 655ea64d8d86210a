import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { XMLParser } from 'fast-xml-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Article, Library } from '@/lib/content'
import { createTestLibrary, removeTestLibraries } from '@/lib/content/test-library'
import { STORIES_PER_PAGE } from '@/lib/hubs'
import {
  allSitemapChunks,
  articleUrls,
  escapeXml,
  galleryUrls,
  hubUrls,
  later,
  NEWS_LIMIT,
  NEWS_WINDOW_MS,
  newsArticles,
  newsLanguage,
  newsSitemapXml,
  sitemapChunks,
  sitemapIndexXml,
  type SitemapUrl,
} from './sitemaps'

/** The fixed clock: a day after the newest base story, two before the scheduled one. */
const NOW = Date.parse('2026-11-21T12:00:00-05:00')
const SITE = 'https://test.example'
const UPDATED_AT = '2026-11-20T18:30:00-05:00'
const UNPUBLISHED = ['draft-story', 'scheduled-story', 'draft-gallery', 'scheduled-gallery']

let library: Library

beforeAll(async () => {
  const content = await createTestLibrary()
  await content.edit('site.yaml', 'name: Test Marquee', 'name: Test & <Marquee>')
  await content.write(
    'topics.yaml',
    `${await content.read('topics.yaml')}- slug: punisher
  name: The Punisher
  kind: show
  description: Frank Castle's war on crime.
`,
  )
  await content.writeArticle('tom-and-jerry', {
    title: 'Tom & Jerry <Live> Is "Happening"',
    publishedAt: '2026-11-20T08:00:00-05:00',
    updates: [
      { at: '2026-11-20T12:00:00-05:00', note: 'Added the cast.' },
      { at: UPDATED_AT, note: 'Added the release date.' },
    ],
  })
  await content.writeArticle('draft-story', {
    publishedAt: '2026-11-21T09:00:00-05:00',
    topics: ['punisher'],
    draft: true,
  })
  await content.writeArticle('scheduled-story', {
    publishedAt: '2026-11-23T09:00:00-05:00',
    topics: ['punisher'],
  })
  await content.writeGallery('draft-gallery', { draft: true })
  await content.writeGallery('scheduled-gallery', { publishedAt: '2026-11-23T09:00:00-05:00' })
  const result = await content.load()
  if (!result.library || result.issues.length) throw new Error('the test library is not clean')
  library = result.library
})

afterAll(removeTestLibraries)

const locs = (urls: SitemapUrl[]) => urls.map((url) => url.loc)
const urlOf = (urls: SitemapUrl[], path: string) => urls.find((url) => url.loc === SITE + path)

/** The library with other stories in place of its own: for sizes no fixture file should reach. */
function withArticles(articles: Article[]): Library {
  return { ...library, articles: [...articles].sort((a, b) => b.publishedTime - a.publishedTime) }
}

/** Published copies of a story, one minute apart, the newest at `newest`. */
function copies(count: number, newest: number): Article[] {
  const model = library.articleBySlug.get('daredevil-first-look')!
  return Array.from({ length: count }, (_, index) => {
    const slug = `copy-${index + 1}`
    const time = newest - index * 60_000
    return {
      ...model,
      slug,
      url: `/tv/${slug}`,
      title: `Copy ${index + 1}`,
      publishedTime: time,
      publishedAt: new Date(time).toISOString(),
      modifiedAt: new Date(time).toISOString(),
    }
  })
}

describe('escapeXml', () => {
  it('escapes the five XML specials and drops characters XML cannot carry', () => {
    expect(escapeXml(`Tom & Jerry <b>"Live"</b> 'now'`)).toBe(
      'Tom &amp; Jerry &lt;b&gt;&quot;Live&quot;&lt;/b&gt; &apos;now&apos;',
    )
    expect(escapeXml('bell\u0007 and \uFFFE gone, tab\tkept')).toBe('bell and  gone, tab\tkept')
    expect(escapeXml('Beyoncé 🎬')).toBe('Beyoncé 🎬')
  })
})

describe('the URL lists', () => {
  it('lists each published story once, oldest first, with absolute URLs', () => {
    expect(locs(articleUrls(library, NOW))).toEqual([
      `${SITE}/movies/doomsday-trailer`,
      `${SITE}/tv/daredevil-first-look`,
      `${SITE}/tv/tom-and-jerry`,
      `${SITE}/tv/luke-cage-set-photos`,
    ])
  })

  it('gives a story its hero and inline images, and no image twice', () => {
    const story = urlOf(articleUrls(library, NOW), '/tv/luke-cage-set-photos')
    expect(story?.images).toEqual([
      `${SITE}/images/articles/hero.webp`,
      `${SITE}/images/articles/inline.webp`,
    ])
  })

  it('dates a story by its newest update, or else by its publication, as written', () => {
    const urls = articleUrls(library, NOW)
    expect(urlOf(urls, '/tv/tom-and-jerry')?.lastmod).toBe(UPDATED_AT)
    expect(urlOf(urls, '/tv/daredevil-first-look')?.lastmod).toBe('2026-11-18T09:00:00-05:00')
  })

  it('lists a gallery with every slide, then one page per photo, dated by its publication', () => {
    const urls = galleryUrls(library, NOW)
    expect(urls.map((url) => [url.loc, url.images.length])).toEqual([
      [`${SITE}/gallery/set-photos`, 2],
      [`${SITE}/gallery/set-photos/1`, 1],
      [`${SITE}/gallery/set-photos/2`, 1],
    ])
    expect(urls[2]?.images).toEqual([`${SITE}/images/galleries/set-photos/02.webp`])
    expect(new Set(urls.map((url) => url.lastmod))).toEqual(new Set(['2026-11-20T10:00:00-05:00']))
  })

  it('lists home, categories, topics and authors that have a published story', () => {
    expect(locs(hubUrls(library, NOW))).toEqual([
      `${SITE}/`,
      `${SITE}/tv`,
      `${SITE}/movies`,
      `${SITE}/topic/luke-cage`,
      `${SITE}/topic/daredevil`,
      `${SITE}/topic/marvel-netflix`,
      `${SITE}/topic/mcu`,
      `${SITE}/author/dana-okafor`,
      `${SITE}/author/leo-hartmann`,
    ])
  })

  it("dates a hub by its newest story's publication or any listed story's update", () => {
    const urls = hubUrls(library, NOW)
    expect(urlOf(urls, '/')?.lastmod).toBe(UPDATED_AT)
    expect(urlOf(urls, '/tv')?.lastmod).toBe(UPDATED_AT)
    expect(urlOf(urls, '/movies')?.lastmod).toBe('2026-11-15T12:00:00-05:00')
    expect(urlOf(urls, '/topic/luke-cage')?.lastmod).toBe('2026-11-20T10:15:00-05:00')
  })

  it('lists every numbered page of a hub, each dated from the stories it shows', () => {
    const newest = Date.parse('2026-11-20T00:00:00Z')
    const stories = copies(STORIES_PER_PAGE * 2 + 1, newest)
    const updated = { ...stories.at(-1)!, modifiedAt: '2026-11-20T06:00:00-05:00' }
    const urls = hubUrls(withArticles([...stories.slice(0, -1), updated]), NOW)
    expect(locs(urls).filter((loc) => loc.startsWith(`${SITE}/tv`))).toEqual([
      `${SITE}/tv`,
      `${SITE}/tv/page/2`,
      `${SITE}/tv/page/3`,
    ])
    expect(urlOf(urls, '/tv/page/2')?.lastmod).toBe(new Date(newest).toISOString())
    expect(urlOf(urls, '/tv/page/3')?.lastmod).toBe('2026-11-20T06:00:00-05:00')
  })

  it('takes no date from the clock: an hour on with nothing new, every file is the same', () => {
    expect(allSitemapChunks(library, NOW + 3_600_000)).toEqual(allSitemapChunks(library, NOW))
  })
})

describe('the publishing rule', () => {
  it('keeps drafts and scheduled stories and galleries out of every sitemap', () => {
    const texts = [
      ...allSitemapChunks(library, NOW).map((chunk) => chunk.xml),
      sitemapIndexXml(library.site, allSitemapChunks(library, NOW)),
      newsSitemapXml(library, NOW),
    ]
    for (const text of texts) {
      for (const slug of UNPUBLISHED) expect(text).not.toContain(slug)
      // A hub whose only stories are unpublished is not listed either.
      expect(text).not.toContain('/topic/punisher')
    }
  })

  it('lists a scheduled story from the moment it is published', () => {
    const at = Date.parse('2026-11-23T09:00:00-05:00')
    expect(locs(articleUrls(library, at - 1))).not.toContain(`${SITE}/tv/scheduled-story`)
    expect(locs(articleUrls(library, at))).toContain(`${SITE}/tv/scheduled-story`)
    expect(locs(hubUrls(library, at))).toContain(`${SITE}/topic/punisher`)
  })
})

describe('chunks and the index', () => {
  it('splits a kind into files of at most the injected number of URLs', () => {
    const chunks = sitemapChunks(library, 'articles', NOW, { urls: 3, bytes: Infinity })
    expect(chunks.map((chunk) => chunk.path)).toEqual([
      '/sitemaps/articles-1.xml',
      '/sitemaps/articles-2.xml',
    ])
    const counts = chunks.map((chunk) => chunk.xml.match(/<url>/g)?.length)
    expect(counts).toEqual([3, 1])
    // Each file is dated by its own newest change.
    expect(chunks.map((chunk) => chunk.lastmod)).toEqual([UPDATED_AT, '2026-11-20T10:15:00-05:00'])
  })

  it('splits by size too, and never leaves a URL out', () => {
    const all = sitemapChunks(library, 'galleries', NOW)
    const small = sitemapChunks(library, 'galleries', NOW, { urls: 50_000, bytes: 600 })
    expect(all).toHaveLength(1)
    expect(small.length).toBeGreaterThan(1)
    for (const chunk of small)
      expect(new TextEncoder().encode(chunk.xml).length).toBeLessThanOrEqual(600)
    const urlsIn = (xml: string) => xml.match(/<loc>[^<]+<\/loc>/g) ?? []
    expect(small.flatMap((chunk) => urlsIn(chunk.xml))).toEqual(urlsIn(all[0]!.xml))
  })

  // 50,001 real URLs: about a second on an idle machine, so a generous timeout.
  it('keeps to 50,000 URLs a file by default', { timeout: 60_000 }, () => {
    const many = withArticles(copies(50_001, NOW - 86_400_000))
    const chunks = sitemapChunks(many, 'articles', NOW)
    expect(chunks.map((chunk) => chunk.xml.match(/<url>/g)?.length)).toEqual([50_000, 1])
  })

  it('lists every chunk in the index with an absolute URL and its lastmod', () => {
    const chunks = allSitemapChunks(library, NOW, { urls: 3, bytes: Infinity })
    const parsed = new XMLParser().parse(sitemapIndexXml(library.site, chunks))
    expect(parsed.sitemapindex.sitemap).toEqual([
      { loc: `${SITE}/sitemaps/articles-1.xml`, lastmod: UPDATED_AT },
      { loc: `${SITE}/sitemaps/articles-2.xml`, lastmod: '2026-11-20T10:15:00-05:00' },
      { loc: `${SITE}/sitemaps/galleries-1.xml`, lastmod: '2026-11-20T10:00:00-05:00' },
      { loc: `${SITE}/sitemaps/hubs-1.xml`, lastmod: UPDATED_AT },
      { loc: `${SITE}/sitemaps/hubs-2.xml`, lastmod: '2026-11-20T10:15:00-05:00' },
      { loc: `${SITE}/sitemaps/hubs-3.xml`, lastmod: UPDATED_AT },
    ])
  })

  it('writes image entries in the image namespace', () => {
    const [chunk] = sitemapChunks(library, 'articles', NOW)
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(chunk!.xml)
    expect(parsed.urlset['@_xmlns:image']).toBe('http://www.google.com/schemas/sitemap-image/1.1')
    const story = parsed.urlset.url.find(
      (url: { loc: string }) => url.loc === `${SITE}/tv/luke-cage-set-photos`,
    )
    expect(story['image:image']).toEqual([
      { 'image:loc': `${SITE}/images/articles/hero.webp` },
      { 'image:loc': `${SITE}/images/articles/inline.webp` },
    ])
  })
})

describe('the Google News sitemap', () => {
  const slugs = (articles: Article[]) => articles.map((article) => article.slug)

  it('lists the stories of the last 48 hours, newest first', () => {
    expect(slugs(newsArticles(library, NOW))).toEqual(['luke-cage-set-photos', 'tom-and-jerry'])
  })

  it('includes a story published exactly 48 hours ago, not a millisecond more', () => {
    const published = Date.parse('2026-11-20T10:15:00-05:00')
    expect(slugs(newsArticles(library, published + NEWS_WINDOW_MS))).toContain(
      'luke-cage-set-photos',
    )
    expect(slugs(newsArticles(library, published + NEWS_WINDOW_MS + 1))).not.toContain(
      'luke-cage-set-photos',
    )
  })

  it('includes a story from the millisecond it is published, never before', () => {
    const published = Date.parse('2026-11-23T09:00:00-05:00')
    expect(slugs(newsArticles(library, published - 1))).not.toContain('scheduled-story')
    expect(slugs(newsArticles(library, published))[0]).toBe('scheduled-story')
  })

  it(`stops at ${NEWS_LIMIT} stories, keeping the newest`, () => {
    const many = withArticles(copies(NEWS_LIMIT + 5, NOW))
    const listed = newsArticles(many, NOW)
    expect(listed).toHaveLength(NEWS_LIMIT)
    expect(listed[0]?.slug).toBe('copy-1')
    expect(listed.at(-1)?.slug).toBe(`copy-${NEWS_LIMIT}`)
  })

  it('names the publication, its language, the original date and the title, escaped', () => {
    const xml = newsSitemapXml(library, NOW)
    expect(xml).toContain('<news:name>Test &amp; &lt;Marquee&gt;</news:name>')
    expect(xml).toContain('<news:title>Tom &amp; Jerry &lt;Live&gt; Is &quot;Happening&quot;')
    const parsed = new XMLParser().parse(xml)
    expect(parsed.urlset.url).toEqual([
      {
        loc: `${SITE}/tv/luke-cage-set-photos`,
        'news:news': {
          'news:publication': { 'news:name': 'Test & <Marquee>', 'news:language': 'en' },
          'news:publication_date': '2026-11-20T10:15:00-05:00',
          'news:title': 'Luke Cage Season 2 Set Photos',
        },
      },
      {
        loc: `${SITE}/tv/tom-and-jerry`,
        'news:news': {
          'news:publication': { 'news:name': 'Test & <Marquee>', 'news:language': 'en' },
          'news:publication_date': '2026-11-20T08:00:00-05:00',
          'news:title': 'Tom & Jerry <Live> Is "Happening"',
        },
      },
    ])
  })

  it('writes the language as the ISO 639 code Google News asks for', () => {
    expect(newsLanguage('en-US')).toBe('en')
    expect(newsLanguage('pt-BR')).toBe('pt')
    expect(newsLanguage('fil')).toBe('fil')
    expect(newsLanguage('zh-TW')).toBe('zh-tw')
    expect(newsLanguage('zh-HK')).toBe('zh-tw')
    expect(newsLanguage('zh-CN')).toBe('zh-cn')
    expect(newsLanguage('zh')).toBe('zh-cn')
  })
})

describe('later', () => {
  it('compares instants, not strings, and keeps the winner as written', () => {
    expect(later('2026-11-20T10:00:00-05:00', '2026-11-20T14:30:00Z')).toBe(
      '2026-11-20T10:00:00-05:00',
    )
    expect(later('2026-11-20T14:30:00Z', '2026-11-20T10:00:00-05:00')).toBe(
      '2026-11-20T10:00:00-05:00',
    )
  })
})

const hasXmllint = (() => {
  try {
    execFileSync('xmllint', ['--version'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
})()

describe.skipIf(!hasXmllint)('XSD validation with xmllint (e2e/schemas)', () => {
  const schemas = path.resolve(__dirname, '../../e2e/schemas')

  /** Throws with xmllint's report unless the document is valid. */
  function validate(xml: string, schema: string) {
    execFileSync('xmllint', ['--noout', '--schema', path.join(schemas, schema), '-'], {
      input: xml,
      stdio: 'pipe',
    })
  }

  it('validates the index, every chunk and the news sitemap', () => {
    const chunks = allSitemapChunks(library, NOW, { urls: 3, bytes: Infinity })
    validate(sitemapIndexXml(library.site, chunks), 'siteindex.xsd')
    for (const chunk of chunks) validate(chunk.xml, 'urlset-with-extensions.xsd')
    validate(newsSitemapXml(library, NOW), 'urlset-with-extensions.xsd')
  })

  it('is a real check: xmllint rejects an image entry the schema does not allow', () => {
    const [chunk] = sitemapChunks(library, 'articles', NOW)
    const broken = chunk!.xml.replace('<image:loc>', '<image:caption>x</image:caption><image:loc>')
    expect(() => validate(broken, 'urlset-with-extensions.xsd')).toThrow()
  })
})
