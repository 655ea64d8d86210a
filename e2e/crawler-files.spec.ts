import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { expect, test, type APIRequestContext, type TestInfo } from './support/test'
import { XMLParser } from 'fast-xml-parser'
import { parse } from 'yaml'
import { drafts, publishedArticles } from './support/content'
import { MODEL_STORY } from './support/site'

/**
 * The files crawlers read: sitemap index and chunks, the Google News sitemap (each checked
 * against the official XSDs with xmllint), the RSS feeds and robots.txt.
 */
test.skip(
  ({ javaScriptEnabled, isMobile }) => !javaScriptEnabled || isMobile,
  'crawler files are plain HTTP: checked once, in the desktop project',
)

const SCHEMAS = path.join(__dirname, 'schemas')
const contentDir = path.resolve(process.env.CONTENT_DIR ?? 'content')
const site = parse(readFileSync(path.join(contentDir, 'site.yaml'), 'utf8')) as {
  name: string
  url: string
}
const SITE_URL = site.url.replace(/\/+$/, '')
const NEWS_WINDOW_MS = 48 * 60 * 60 * 1000

const xml = new XMLParser({
  ignoreAttributes: false,
  parseTagValue: false,
  isArray: (name) =>
    ['sitemap', 'url', 'image:image', 'item', 'category', 'dc:creator'].includes(name),
})

/** Validates a document with xmllint against one of e2e/schemas, or only for well-formedness. */
function xmllint(testInfo: TestInfo, body: string, schema?: string) {
  const file = testInfo.outputPath(`document-${Date.now()}.xml`)
  writeFileSync(file, body)
  const args = schema
    ? ['--noout', '--schema', path.join(SCHEMAS, schema), file]
    : ['--noout', file]
  const result = spawnSync('xmllint', args, { encoding: 'utf8' })
  if (result.error)
    throw new Error(`xmllint did not run (apt-get install libxml2-utils): ${result.error.message}`)
  expect(result.status, `xmllint ${schema ?? ''}:\n${result.stderr}`).toBe(0)
}

async function fetchXml(request: APIRequestContext, url: string, type = 'application/xml') {
  const response = await request.get(url)
  expect(response.status(), url).toBe(200)
  expect(response.headers()['content-type'], url).toContain(type)
  return response.text()
}

/** A URL the site wrote (on its canonical origin), as a path on the server under test. */
function localPath(absolute: string): string {
  expect(absolute.startsWith(`${SITE_URL}/`), `${absolute} is on ${SITE_URL}`).toBe(true)
  const url = new URL(absolute)
  return url.pathname + url.search
}

interface UrlEntry {
  loc: string
  lastmod?: string
  'image:image'?: { 'image:loc': string }[]
}

test('the sitemap index and every chunk it lists are valid against the sitemap XSDs', async ({
  request,
}, testInfo) => {
  const index = await fetchXml(request, '/sitemap.xml')
  xmllint(testInfo, index, 'siteindex.xsd')
  const chunks = (xml.parse(index).sitemapindex.sitemap as { loc: string; lastmod: string }[]).map(
    (entry) => ({ ...entry, path: localPath(entry.loc) }),
  )
  expect(chunks.map((chunk) => chunk.path)).toEqual(
    expect.arrayContaining(['/sitemaps/articles-1.xml', '/sitemaps/hubs-1.xml']),
  )

  const urls: UrlEntry[] = []
  for (const chunk of chunks) {
    const body = await fetchXml(request, chunk.path)
    xmllint(testInfo, body, 'urlset-with-extensions.xsd')
    urls.push(...(xml.parse(body).urlset.url as UrlEntry[]))
  }

  const listed = new Set(urls.map((url) => localPath(url.loc)))
  for (const article of publishedArticles()) expect(listed, article.url).toContain(article.url)
  for (const draft of drafts) expect(listed, draft.url).not.toContain(draft.url)
  expect(listed).toContain('/')
  expect(listed).toContain('/tv')

  // lastmod comes from the content: the model story's is its newest update, as written.
  const model = urls.find((url) => url.loc === SITE_URL + MODEL_STORY.url)
  expect(model?.lastmod).toBe(MODEL_STORY.updatedAt)
  expect(model?.['image:image']?.[0]?.['image:loc']).toMatch(
    new RegExp(`^${SITE_URL}/images/articles/`),
  )
})

test('an unknown sitemap chunk is a 404', async ({ request }) => {
  for (const file of [
    'articles-999.xml',
    'articles-0.xml',
    'articles-01.xml',
    'bogus-1.xml',
    'articles-1.txt',
    'articles.xml',
  ]) {
    const response = await request.get(`/sitemaps/${file}`)
    expect(response.status(), file).toBe(404)
  }
})

test('the Google News sitemap lists only the last 48 hours, newest first', async ({
  request,
}, testInfo) => {
  const body = await fetchXml(request, '/news-sitemap.xml')
  const urls = (xml.parse(body).urlset?.url ?? []) as {
    loc: string
    'news:news': {
      'news:publication': { 'news:name': string; 'news:language': string }
      'news:publication_date': string
      'news:title': string
    }
  }[]
  if (urls.length === 0) {
    // The window moves with the clock: with no story in it the urlset is empty, and the XSD
    // (which wants at least one url) does not apply.
    testInfo.annotations.push({ type: 'note', description: 'no story in the last 48 hours' })
    xmllint(testInfo, body)
    return
  }
  xmllint(testInfo, body, 'urlset-with-extensions.xsd')
  // The file may have been rendered up to a revalidation period ago: allow a few minutes.
  const since = Date.now() - NEWS_WINDOW_MS - 10 * 60_000
  const published = new Map(publishedArticles().map((article) => [article.url, article]))
  const times = urls.map((url) => Date.parse(url['news:news']['news:publication_date']))
  for (const [index, url] of urls.entries()) {
    const news = url['news:news']
    const article = published.get(localPath(url.loc))
    expect(article, `${url.loc} is a published story`).toBeDefined()
    expect(times[index]).toBe(article?.publishedTime)
    expect(times[index]).toBeGreaterThan(since)
    expect(news['news:title']).toBe(article?.title)
    expect(news['news:publication']).toEqual({ 'news:name': site.name, 'news:language': 'en' })
  }
  expect([...times].sort((a, b) => b - a)).toEqual(times)
})

interface FeedItem {
  title: string
  link: string
  guid: { '#text': string; '@_isPermaLink': string }
  pubDate: string
  description: string
  'dc:creator': string[]
  category: { '#text': string }[]
  enclosure: { '@_url': string; '@_type': string; '@_length': string }
}

async function fetchFeed(request: APIRequestContext, url: string): Promise<FeedItem[]> {
  const body = await fetchXml(request, url, 'application/rss+xml; charset=utf-8')
  const { rss } = xml.parse(body)
  expect(rss['@_version']).toBe('2.0')
  return rss.channel.item as FeedItem[]
}

for (const [url, category] of [
  ['/feed.xml', undefined],
  ['/tv/feed.xml', 'tv'],
] as const) {
  test(`${url} is RSS 2.0 of the newest published stories`, async ({ request }) => {
    const items = await fetchFeed(request, url)
    const expected = publishedArticles((article) => !category || article.category === category)
    expect(items.length).toBe(Math.min(50, expected.length))
    expect(items.map((item) => localPath(item.link))).toEqual(
      expected.slice(0, 50).map((article) => article.url),
    )
    for (const item of items) {
      expect(item.guid).toEqual({ '#text': item.link, '@_isPermaLink': 'true' })
      expect(Number.isNaN(Date.parse(item.pubDate)), item.pubDate).toBe(false)
      expect(item.description.length).toBeGreaterThan(0)
      expect(item['dc:creator'].length).toBeGreaterThan(0)
      expect(item.category.length).toBeGreaterThan(0)
      expect(item.enclosure['@_type']).toMatch(/^image\//)
      expect(Number(item.enclosure['@_length'])).toBeGreaterThan(0)
    }
    const model = items.find((item) => localPath(item.link) === MODEL_STORY.url)
    expect(model?.title).toBe(MODEL_STORY.title)
    expect(Date.parse(model?.pubDate ?? '')).toBe(Date.parse(MODEL_STORY.publishedAt))
    expect(model?.['dc:creator']).toEqual(MODEL_STORY.authors.map((author) => author.name))
  })
}

test('the hero enclosure states the real size of the image', async ({ request }) => {
  const [first] = await fetchFeed(request, '/feed.xml')
  const image = await request.get(localPath(first!.enclosure['@_url']))
  expect(image.status()).toBe(200)
  expect((await image.body()).length).toBe(Number(first!.enclosure['@_length']))
  expect(image.headers()['content-type']).toBe(first!.enclosure['@_type'])
})

test('the feed of an unknown category is a 404', async ({ request }) => {
  expect((await request.get('/no-such-section/feed.xml')).status()).toBe(404)
})

test('robots.txt allows all but /api/ and lists both sitemaps', async ({ request }) => {
  const response = await request.get('/robots.txt')
  expect(response.status()).toBe(200)
  expect(response.headers()['content-type']).toContain('text/plain')
  const lines = (await response.text()).split('\n').map((line) => line.trim())
  expect(lines).toEqual(
    expect.arrayContaining([
      'User-Agent: *',
      'Allow: /',
      'Disallow: /api/',
      `Sitemap: ${SITE_URL}/sitemap.xml`,
      `Sitemap: ${SITE_URL}/news-sitemap.xml`,
    ]),
  )
})
