import { expect, test, type APIRequestContext } from './support/test'

/**
 * Metadata must sit inside <head> of the first HTML response: crawlers ignore what Next.js
 * might stream into <body>. Checked on the raw HTML for three user agents, and in the page
 * as Googlebot with JavaScript off.
 */
const PAGES = [
  { path: '/', types: ['WebSite', 'Organization'] },
  { path: '/tv', types: ['CollectionPage', 'BreadcrumbList'] },
  { path: '/tv/luke-cage-season-2-set-photos', types: ['NewsArticle', 'BreadcrumbList'] },
  { path: '/author/dana-okafor', types: ['ProfilePage', 'BreadcrumbList'] },
  { path: '/topic/luke-cage', types: ['CollectionPage', 'BreadcrumbList'] },
  { path: '/gallery/luke-cage-season-2-set-photos', types: ['ImageGallery', 'BreadcrumbList'] },
  { path: '/gallery/luke-cage-season-2-set-photos/3', types: ['ImageObject', 'BreadcrumbList'] },
]

const AGENTS = {
  Googlebot: 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
  Twitterbot: 'Twitterbot/1.0',
  Chrome:
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36',
}

interface Head {
  title?: string
  canonical?: string
  robots?: string
  ogImage?: string
  jsonLd: Record<string, unknown>[]
}

/** Reads <head> of the raw HTML: no browser, no script. */
async function headOf(request: APIRequestContext, path: string, userAgent: string): Promise<Head> {
  const response = await request.get(path, { headers: { 'User-Agent': userAgent } })
  expect(response.status(), path).toBe(200)
  const html = await response.text()
  const head = html.slice(0, html.indexOf('</head>'))
  const attribute = (pattern: RegExp) => pattern.exec(head)?.[1]
  const jsonLd = [
    ...head.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs),
  ].flatMap((match) => [JSON.parse(match[1] ?? 'null')].flat() as Record<string, unknown>[])
  return {
    title: attribute(/<title>([^<]*)<\/title>/),
    canonical: attribute(/<link rel="canonical" href="([^"]+)"/),
    robots: attribute(/<meta name="robots" content="([^"]+)"/),
    ogImage: attribute(/<meta property="og:image" content="([^"]+)"/),
    jsonLd,
  }
}

for (const [agent, userAgent] of Object.entries(AGENTS)) {
  for (const { path, types } of PAGES) {
    test(`${path} has its metadata in <head> for ${agent}`, async ({ request }) => {
      const head = await headOf(request, path, userAgent)
      expect(head.title).toBeTruthy()
      expect(head.canonical).toMatch(/^https?:\/\//)
      expect(new URL(head.canonical ?? '').pathname).toBe(path)
      expect(head.robots).toContain('max-image-preview:large')
      expect(head.ogImage).toMatch(/^https?:\/\//)
      expect(head.jsonLd.map((item) => item['@type'])).toEqual(types)
    })
  }
}

test('the model story’s NewsArticle names its authors as an array of Person', async ({
  request,
}) => {
  const head = await headOf(request, '/tv/luke-cage-season-2-set-photos', AGENTS.Googlebot)
  const article = head.jsonLd.find((item) => item['@type'] === 'NewsArticle')
  expect(Array.isArray(article?.author)).toBe(true)
  expect(article?.author).toEqual([
    expect.objectContaining({
      '@type': 'Person',
      name: 'Dana Okafor',
      url: expect.stringMatching(/\/author\/dana-okafor$/),
    }),
  ])
  expect(article?.image).toHaveLength(3)
  expect(article?.datePublished).toBe('2026-11-20T10:15:00-05:00')
  expect(article?.isBasedOn).toMatchObject({ name: 'Daily Mail' })
})

test('as Googlebot without JavaScript, the page’s head holds canonical and JSON-LD', async ({
  page,
}) => {
  await page.goto('/tv/luke-cage-season-2-set-photos')
  await expect(page.locator('head link[rel="canonical"]')).toHaveAttribute(
    'href',
    /\/tv\/luke-cage-season-2-set-photos$/,
  )
  await expect(page.locator('head script[type="application/ld+json"]')).toHaveCount(1)
  await expect(page.locator('body script[type="application/ld+json"]')).toHaveCount(0)
  await expect(page.locator('head meta[name="robots"]')).toHaveAttribute(
    'content',
    /max-image-preview:large/,
  )
})
