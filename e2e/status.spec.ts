import { readdirSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import path from 'node:path'
import { expect, test } from './support/test'
import { buildDir } from '../lib/env'
import { drafts } from './support/content'
import {
  BAD_ADDRESS,
  findTags,
  markupOnly,
  MISSING_PAGE,
  MODEL_GALLERY,
  MODEL_STORY as story,
  onlyInProject,
} from './support/site'

onlyInProject('desktop', 'status codes come from the server: the same in every project')

const notFound = [
  ['an unknown article', '/tv/no-such-story-here'],
  ['an unknown category', '/no-such-section'],
  ['an unknown author', '/author/no-such-writer'],
  ['an unknown topic', '/topic/no-such-topic'],
  ['page 0 of a hub', '/tv/page/0'],
  ['a page number that is not a number', '/tv/page/abc'],
  ['a page number with a leading zero', '/tv/page/01'],
  ['a slug with capitals and an underscore', '/tv/Bad_Slug'],
  ...drafts.map((draft) => [`the draft "${draft.slug}"`, draft.url]),
] as const

for (const [what, url] of notFound) {
  test(`404 for ${what} (${url}), with the not-found page in its first response`, async ({
    request,
  }) => {
    const response = await request.get(url, { maxRedirects: 0 })
    expect(response.status()).toBe(404)
    // Next 16 renders notFound() as an empty shell; instrumentation.ts fills in the page.
    const body = await response.text()
    const html = markupOnly(body)
    expect(html).not.toContain('__next_error__')
    expect(html).toMatch(/<h1\b[^>]*>We couldn.t find that page<\/h1>/)
    // A HEAD gets the GET's headers: the page's length, not the empty shell's Next would give.
    const head = await request.head(url, { maxRedirects: 0 })
    expect(head.status()).toBe(404)
    expect(head.headers()['content-type']).toBe(response.headers()['content-type'])
    expect(head.headers()['content-length']).toBe(String(Buffer.byteLength(body)))
  })
}

test('the 404 page explains itself and offers a way on', async ({ page }) => {
  const problems: string[] = []
  page.on('pageerror', (error) => problems.push(error.message))
  page.on('console', (message) => {
    // The browser reports the document's own 404 as a failed resource.
    if (message.type() === 'error' && !message.text().includes('status of 404')) {
      problems.push(message.text())
    }
  })
  const response = await page.goto(MISSING_PAGE, { waitUntil: 'networkidle' })
  expect(response?.status()).toBe(404)
  // The page hydrates where it was asked for: no hydration error, no jump to /_not-found.
  expect(new URL(page.url()).pathname).toBe(MISSING_PAGE)
  expect(problems).toEqual([])
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/couldn.t find/i)
  await expect(
    page.getByRole('main').getByRole('link', { name: 'Go to the home page' }),
  ).toHaveAttribute('href', '/')
  await expect(
    page.getByRole('main').getByRole('link', { name: story.category.name, exact: true }),
  ).toHaveAttribute('href', story.category.url)
  const robots = await page
    .locator('meta[name="robots"]')
    .evaluateAll((metas) => metas.map((meta) => meta.getAttribute('content')))
  expect(robots.length).toBeGreaterThan(0)
  for (const content of robots) expect(content).toMatch(/noindex/)
})

test('the 404 page has its own small header; pages carry the site header and footer once', async ({
  page,
  request,
}) => {
  // app/layout.tsx: Next renders the root layout a second time as the 404 page, and sends that
  // copy in every page's RSC payload (vercel/next.js#76410), so the 404 page's chrome is small.
  await page.goto(MISSING_PAGE)
  const banner = page.getByRole('banner')
  await expect(banner.getByRole('link', { name: /home/ })).toHaveAttribute('href', '/')
  await expect(banner.getByRole('link', { name: 'Search' })).toHaveAttribute('href', '/search')
  await expect(page.getByRole('contentinfo')).toHaveCount(0)
  for (const url of ['/', story.url, `${MODEL_GALLERY}/1`]) {
    const body = await (await request.get(url)).text()
    const count = (needle: string) => body.split(needle).length - 1
    // Once in the HTML and once in the RSC payload; a third means the copy carries them again.
    expect(count('Sections in the footer'), url).toBe(2)
    expect(count('site-header'), url).toBe(4) // its two disclosures, by name
  }
})

test("an unknown story's 404 is cached in memory, not written to the build folder", async ({
  request,
}) => {
  // Next 16 writes every ISR 404 to disk, so each address asked for would add files that nothing
  // deletes; lib/server/next-workarounds/cache-handler.ts keeps a 404 for an address that never had a page in
  // memory. A slug no run has asked for before:
  const slug = `never-asked-${Date.now().toString(36)}`
  const first = await request.get(`/tv/${slug}`)
  expect(first.status()).toBe(404)
  const again = await request.get(`/tv/${slug}`)
  expect(again.status()).toBe(404)
  expect(again.headers()['x-nextjs-cache']).toBe('HIT')
  const cache = path.join(buildDir(), 'server', 'route-cache')
  const files = readdirSync(cache, { recursive: true, encoding: 'utf8' })
  expect(files.filter((file) => file.includes(slug))).toEqual([])
  // A page is still written: the model story's entry is there once it has been served.
  await request.get(story.url)
  await expect
    .poll(() => readdirSync(cache, { recursive: true, encoding: 'utf8' }))
    .toContainEqual(expect.stringMatching(new RegExp(`${story.url.split('/').pop()}\\.html$`)))
})

test('a 404 from an unknown story is a full page in the first HTML response', async ({
  request,
}) => {
  // Readers without JavaScript and crawlers get only this HTML: the heading and the way on must
  // be in it, not only in the hydration payload. Next 16.4 sends an empty `__next_error__`
  // document for notFound() (vercel/next.js#62228); lib/server/next-workarounds/error-documents.ts sends the
  // prerendered not-found page instead, the one an unmatched URL gets.
  const response = await request.get(MISSING_PAGE)
  expect(response.status()).toBe(404)
  const html = markupOnly(await response.text())
  expect(html).toMatch(/<html\b[^>]*\blang="/)
  expect(html).toMatch(/<h1\b[^>]*>We couldn.t find that page<\/h1>/)
  const links = findTags(html, 'a').map((a) => a.href)
  expect(links).toContain('/')
  expect(links).toContain(story.category.url)
})

// Next 16 answers a path that is not valid percent-encoding with a bare "Internal Server Error"
// (status 500, text/plain), to a HEAD too; lib/server/next-workarounds/error-documents.ts sends 400 and a whole
// page.
const badAddresses = [
  ['a story', BAD_ADDRESS],
  ['a section', '/%ff'],
  ['a cut-off character', '/tv/%E0%A4%A'],
  ['a gallery photo', '/gallery/luke-cage-season-2-set-photos/%ff'],
  ['an image', '/images/%ff.webp'],
  ['a sitemap', '/sitemaps/%ff.xml'],
] as const

for (const [what, url] of badAddresses) {
  test(`400 for an address that cannot be decoded: ${what} (${url})`, async ({ request }) => {
    const response = await request.get(url)
    expect(response.status()).toBe(400)
    expect(response.headers()['content-type']).toBe('text/html; charset=utf-8')
    expect(response.headers()['cache-control']).toMatch(/no-store/)
    const body = await response.text()
    expect(body).not.toMatch(/<script\b/)
    expect(body).toMatch(/<html\b[^>]*\blang="en"/)
    expect(body).toMatch(/<title>Address not valid<\/title>/)
    expect(body).toMatch(/<h1\b[^>]*>That address is not valid<\/h1>/)
    const robots = findTags(body, 'meta').filter((meta) => meta.name === 'robots')
    expect(robots.map((meta) => meta.content)).toEqual(['noindex'])
    expect(findTags(body, 'a').map((a) => a.href)).toEqual(['/'])
    // A HEAD gets the GET's status, type and length (Next gives it the plain 500's).
    const head = await request.head(url)
    expect(head.status()).toBe(400)
    expect(head.headers()['content-type']).toBe('text/html; charset=utf-8')
    expect(head.headers()['content-length']).toBe(String(Buffer.byteLength(body)))
  })
}

test("an API address that cannot be decoded gets the API's 400 body", async ({ request }) => {
  const response = await request.get('/api/stories/%ff')
  expect(response.status()).toBe(400)
  expect(response.headers()['content-type']).toMatch(/^application\/json/)
  const body = (await response.json()) as { error: string; issues: { path: string }[] }
  expect(body.error).toBe('invalid_request')
  expect(body.issues.map((issue) => issue.path)).toEqual([''])
  const head = await request.head('/api/stories/%ff')
  expect(head.status()).toBe(400)
  expect(head.headers()['content-type']).toMatch(/^application\/json/)
})

test('the 400 page leads home, with and without JavaScript', async ({ browser }) => {
  for (const javaScriptEnabled of [true, false]) {
    const context = await browser.newContext({ javaScriptEnabled })
    try {
      const page = await context.newPage()
      const problems: string[] = []
      page.on('pageerror', (error) => problems.push(error.message))
      expect((await page.goto(BAD_ADDRESS))?.status()).toBe(400)
      await expect(page).toHaveTitle('Address not valid')
      await page.getByRole('link', { name: 'Go to the home page' }).click()
      await expect(page).toHaveURL(/\/$/)
      await expect(page.getByRole('banner').getByRole('link', { name: /home/ })).toBeVisible()
      expect(problems).toEqual([])
    } finally {
      await context.close()
    }
  }
})

const redirects = [
  ['page 1 of a hub goes to the hub', '/tv/page/1', '/tv'],
  [
    'a story under the wrong section goes to its own',
    '/movies/luke-cage-season-2-set-photos',
    story.url,
  ],
  ['a trailing slash is dropped', '/tv/', '/tv'],
] as const

for (const [what, from, to] of redirects) {
  test(`permanent redirect: ${what} (${from})`, async ({ request, baseURL }) => {
    const response = await request.get(from, { maxRedirects: 0 })
    expect([301, 308]).toContain(response.status())
    if (from !== '/tv/') expect(response.status()).toBe(308)
    // Next 16 repeats the same Location header when it renders the redirect on a cache miss;
    // clients accept identical copies, so every copy must name the target.
    const locations = response
      .headersArray()
      .filter((header) => header.name.toLowerCase() === 'location')
      .map((header) => new URL(header.value, baseURL).pathname)
    expect(locations.length).toBeGreaterThan(0)
    expect(new Set(locations)).toEqual(new Set([to]))
  })
}

test('a page carries an ETag, and a matching If-None-Match gets a 304 without the body', async ({
  request,
}) => {
  const page = await request.get(story.url)
  expect(page.status()).toBe(200)
  const etag = page.headers()['etag']
  expect(etag).toMatch(/^"[^"]+"$/)
  const revalidated = await request.get(story.url, { headers: { 'If-None-Match': etag! } })
  expect(revalidated.status()).toBe(304)
  expect(revalidated.headers()['etag']).toBe(etag)
  // A 304 repeats the 200's Cache-Control (RFC 9110 15.4.5): the nginx front relies on it.
  expect(revalidated.headers()['cache-control']).toBe(page.headers()['cache-control'])
  expect((await revalidated.body()).byteLength).toBe(0)
  const changed = await request.get(story.url, { headers: { 'If-None-Match': '"not-this-page"' } })
  expect(changed.status()).toBe(200)
})

test.describe('content images', () => {
  for (const src of [
    '/images/articles/luke-cage-season-2-set-photos.webp',
    '/images/galleries/luke-cage-season-2-set-photos/01.webp',
    '/images/authors/dana-okafor.webp',
  ]) {
    test(`${src} is served as an image`, async ({ request }) => {
      const response = await request.get(src)
      expect(response.status()).toBe(200)
      expect(response.headers()['content-type']).toMatch(/^image\//)
      expect((await response.body()).byteLength).toBeGreaterThan(0)
    })
  }

  test('an unknown image is a 404', async ({ request }) => {
    const response = await request.get('/images/articles/no-such-image.webp')
    expect(response.status()).toBe(404)
  })

  // The fetch client resolves "..", so it can only send encoded forms; a raw request sends
  // the path exactly as written, the way a probing client would.
  for (const path of [
    '/images/..%2Fpackage.json',
    '/images/articles/..%2F..%2F..%2Fpackage.json',
  ]) {
    test(`no file outside the image folder: ${path}`, async ({ request }) => {
      const response = await request.get(path)
      expectNotPackageJson(
        response.status(),
        response.headers()['content-type'],
        await response.text(),
      )
    })
  }

  test('no file outside the image folder: /images/../package.json, sent as is', async ({
    baseURL,
  }) => {
    const { status, type, body } = await rawGet(baseURL!, '/images/../package.json')
    expectNotPackageJson(status, type, body)
  })
})

function expectNotPackageJson(status: number, type: string | undefined, body: string) {
  expect(status).toBe(404)
  expect(type ?? '').not.toMatch(/json|image/)
  expect(body).not.toContain('"dependencies"')
}

function rawGet(baseURL: string, path: string) {
  const { hostname, port } = new URL(baseURL)
  return new Promise<{ status: number; type?: string; body: string }>((resolve, reject) => {
    const req = httpRequest({ hostname, port, path, method: 'GET' }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], body }),
      )
    })
    req.on('error', reject)
    req.end()
  })
}
