import { expect, test } from './support/test'

test.skip(({ javaScriptEnabled, isMobile }) => !javaScriptEnabled || isMobile, 'HTTP only')

test('a story’s old slug answers a permanent redirect to it', async ({ request }) => {
  const response = await request.get('/tv/luke-cage-harlem-set-photos', { maxRedirects: 0 })
  expect(response.status()).toBe(308)
  expect(response.headers().location).toMatch(/\/tv\/luke-cage-season-2-set-photos$/)
})

test.describe('an old section slug (categories.yaml redirectFrom) redirects permanently', () => {
  for (const [from, to] of <[string, string][]>[
    ['/streaming-guide', '/streaming'],
    ['/streaming-guide/page/2', '/streaming/page/2'],
    ['/streaming-guide/feed.xml', '/streaming/feed.xml'],
  ]) {
    test(`${from} → ${to}`, async ({ request }) => {
      const response = await request.get(from, { maxRedirects: 0 })
      expect(response.status()).toBe(308)
      expect(response.headers().location).toMatch(new RegExp(`${to}$`))
    })
  }

  test('and a story under it reaches its page', async ({ request }) => {
    const response = await request.get('/streaming-guide/luke-cage-season-2-set-photos')
    expect(response.url()).toMatch(/\/tv\/luke-cage-season-2-set-photos$/)
    expect(response.status()).toBe(200)
  })
})

test('a redirect rendered at run time names its target once', async ({ request }) => {
  // No other test asks for this address, so on a fresh build (CI's) this is its first request
  // and Next renders the redirect now, the case where Next 16.4 sends Location twice.
  const response = await request.get('/gaming/luke-cage-season-2-set-photos', { maxRedirects: 0 })
  expect(response.status()).toBe(308)
  const named = (name: string) =>
    response
      .headersArray()
      .filter((header) => header.name.toLowerCase() === name)
      .map((header) => header.value)
  expect(named('location')).toEqual(['/tv/luke-cage-season-2-set-photos'])
  expect(named('x-nextjs-stale-time')).toHaveLength(1)
})

test('a removed story answers 410 Gone with a page that says why', async ({ request }) => {
  const response = await request.get('/tv/luke-cage-season-3-casting-report')
  expect(response.status()).toBe(410)
  expect(response.headers()['x-robots-tag']).toBe('noindex')
  const html = await response.text()
  expect(html).toContain('This story has been removed')
  expect(html).toContain('withdrew')
})

test('an unknown story is still a plain 404', async ({ request }) => {
  expect((await request.get('/tv/never-was-a-story')).status()).toBe(404)
})

test('the 410 route answers only for paths in removed.yaml', async ({ request }) => {
  expect((await request.get('/api/gone/tv/luke-cage-season-2-set-photos')).status()).toBe(404)
  expect((await request.get('/api/gone/tv/Not_A_Slug')).status()).toBe(404)
  expect((await request.get('/api/gone/tv/luke-cage-season-3-casting-report')).status()).toBe(410)
})

test('a trailing slash redirects permanently to the one canonical form', async ({ request }) => {
  const response = await request.get('/tv/luke-cage-season-2-set-photos/', { maxRedirects: 0 })
  expect(response.status()).toBe(308)
  expect(response.headers().location).toMatch(/\/tv\/luke-cage-season-2-set-photos$/)
})
