import AxeBuilder from '@axe-core/playwright'
import { expect, test, type APIRequestContext, type Page } from './support/test'
import { htmlCheckerErrors, structuredDataFailures } from './support/judges'
import { onlyInProject } from './support/site'

/**
 * The story formats (issue 25): a ranked list, a review, a story with a trailer and live
 * coverage, each rendered on the server (complete with JavaScript off) with its structured data
 * in <head>, and judged by the Nu Html Checker, axe and structured-data-testing-tool.
 */
const LIST = '/tv/worst-mcu-netflix-episodes'
const REVIEW = '/movies/fantastic-four-first-steps-review'
const VIDEO = '/gaming/the-witcher-4-trailer-analysis'
const LIVE = '/tv/emmys-2026-red-carpet-live'
const FORMAT_PAGES = [
  ['list', LIST, 'NewsArticle'],
  ['review', REVIEW, 'NewsArticle'],
  ['video', VIDEO, 'NewsArticle'],
  ['live', LIVE, 'LiveBlogPosting'],
] as const

/** The JSON-LD items in <head> of the raw HTML. */
async function jsonLdOf(request: APIRequestContext, url: string) {
  const html = await (await request.get(url)).text()
  const head = html.slice(0, html.indexOf('</head>'))
  return [...head.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].flatMap(
    (match) => [JSON.parse(match[1] ?? 'null')].flat() as Record<string, unknown>[],
  )
}

/** Tests of the raw HTML or JSON run in one project. */
function httpOnly() {
  test.skip(test.info().project.name !== 'desktop', 'HTTP only: one project is enough')
}

const VIDEO_HOSTS = /youtube|youtu\.be|ytimg|googlevideo|vimeo|vimeocdn/

test.describe('a ranked list', () => {
  test('numbers its entries in an ordered list, each with its anchor and a jump link', async ({
    page,
  }) => {
    await page.goto(`${LIST}#7`)
    const jump = page.getByRole('navigation', { name: 'Jump to an entry' })
    await expect(jump.getByRole('link')).toHaveCount(20)
    const entries = page.locator('article ol[reversed] > li')
    await expect(entries).toHaveCount(20)
    await expect(entries.first()).toHaveAttribute('value', '20')
    await expect(entries.last()).toHaveAttribute('id', '1')
    const seventh = page.locator('li[id="7"]')
    await expect(seventh.getByRole('heading', { level: 2 })).toHaveText(
      /^7\.?\s*Iron Fist, season 1, episode 3/,
    )
    await expect(seventh).toBeInViewport()
    await jump.getByRole('link', { name: /^3\. / }).click()
    await expect(page).toHaveURL(/#3$/)
    await expect(page.locator('li[id="3"]')).toBeInViewport()
    // What follows the last entry is not an entry.
    await expect(page.getByRole('heading', { name: 'The tally' })).toBeVisible()
  })

  test('shares each entry by its own anchor, as plain links without JavaScript', async ({
    page,
  }) => {
    await page.goto(LIST)
    // The links are in the page's HTML, in a disclosure closed until a reader opens it.
    const hidden = { includeHidden: true }
    const seventh = page.locator('li[id="7"]')
    const links = seventh.getByRole('list', { name: 'Share entry 7', ...hidden })
    const x = new URL(
      (await links.getByRole('link', { name: 'Share on X', ...hidden }).getAttribute('href')) ?? '',
    )
    expect(x.searchParams.get('url')).toMatch(/\/tv\/worst-mcu-netflix-episodes#7$/)
    expect(x.searchParams.get('text')).toMatch(/: 7\. Iron Fist, season 1, episode 3/)
    await expect(page.getByRole('list', { name: /^Share entry /, ...hidden })).toHaveCount(20)
  })

  test('has an ItemList with one ListItem per entry, each with its anchor', async ({ request }) => {
    httpOnly()
    const list = (await jsonLdOf(request, LIST)).find((item) => item['@type'] === 'ItemList')
    const items = list?.itemListElement as Record<string, unknown>[]
    expect(items).toHaveLength(20)
    expect(items[0]).toEqual({
      '@type': 'ListItem',
      position: 20,
      name: 'The Punisher, season 2, episode 1: "Roadhouse Blues"',
      url: expect.stringMatching(/\/tv\/worst-mcu-netflix-episodes#20$/),
    })
    expect(items.map((item) => item.position)).toEqual(Array.from({ length: 20 }, (_, i) => 20 - i))
  })
})

test.describe('a review', () => {
  test('shows its verdict under the byline, with the score in stars and in words', async ({
    page,
  }) => {
    await page.goto(REVIEW)
    const verdict = page.getByRole('region', { name: 'Our verdict' })
    await expect(verdict).toContainText('Film: The Fantastic Four: First Steps (2025)')
    await expect(verdict).toContainText('4 out of 5')
    await expect(verdict).toContainText('the best screen version of the team so far')
    await expect(verdict.getByRole('heading', { name: 'What works' })).toBeVisible()
    await expect(verdict.locator('svg')).toHaveCount(5)
  })

  test('has a Review of a Movie with its rating, by the publication’s critic', async ({
    request,
  }) => {
    httpOnly()
    const review = (await jsonLdOf(request, REVIEW)).find((item) => item['@type'] === 'Review')
    expect(review).toMatchObject({
      itemReviewed: {
        '@type': 'Movie',
        name: 'The Fantastic Four: First Steps',
        director: { '@type': 'Person', name: 'Matt Shakman' },
      },
      reviewRating: { '@type': 'Rating', ratingValue: 4, bestRating: 5 },
      author: [expect.objectContaining({ '@type': 'Person', name: 'Marcus Bell' })],
      publisher: expect.objectContaining({ '@type': 'Organization', name: 'Marquee' }),
    })
  })

  test('/reviews lists every review with its score, paginated like the other hubs', async ({
    page,
    request,
  }) => {
    await page.goto('/reviews')
    await expect(page.getByRole('heading', { level: 1, name: 'Reviews' })).toBeVisible()
    // Story cards with a score (the rail above them holds the reviews' galleries).
    const cards = page.locator('main article').filter({ hasText: / out of 5$|out of 5/ })
    await expect(cards).toHaveCount(3)
    await expect(cards.filter({ hasText: '4.5 out of 5' })).toHaveCount(1)
    await expect(cards.filter({ hasText: '3.5 out of 5' })).toHaveCount(1)
    expect((await request.get('/reviews/page/2')).status()).toBe(404)
    expect((await request.get('/reviews/page/1', { maxRedirects: 0 })).status()).toBe(308)
  })
})

test.describe('a trailer', () => {
  test('is a link to the video without JavaScript', async ({ page }) => {
    test.skip(test.info().project.use.javaScriptEnabled !== false, 'without JavaScript')
    await page.goto(VIDEO)
    await expect(
      page.getByRole('link', { name: /^Play video: The Witcher IV: cinematic reveal trailer/ }),
    ).toHaveAttribute('href', 'https://www.youtube.com/watch?v=54dabgZJ5YA')
  })

  test('asks nothing of the video host before play, then plays in place at the same size', async ({
    page,
  }) => {
    test.skip(test.info().project.use.javaScriptEnabled === false, 'needs JavaScript')
    const hosts: string[] = []
    page.on('request', (request) => {
      if (VIDEO_HOSTS.test(new URL(request.url()).hostname)) hosts.push(request.url())
    })
    // No network here: the player is a stand-in page from the same host.
    await page.route('https://www.youtube-nocookie.com/**', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<title>player</title><p>player</p>' }),
    )
    await page.goto(VIDEO, { waitUntil: 'load' })
    const play = page.getByRole('link', { name: /^Play video: The Witcher IV/ })
    await play.scrollIntoViewIfNeeded()
    await page.waitForLoadState('networkidle')
    expect(hosts).toEqual([])
    const before = await play.boundingBox()
    await play.click()
    const player = page.locator('iframe[title="The Witcher IV: cinematic reveal trailer"]')
    await expect(player).toHaveAttribute(
      'src',
      'https://www.youtube-nocookie.com/embed/54dabgZJ5YA?autoplay=1',
    )
    const after = await player.boundingBox()
    expect(after).toEqual(before)
    await expect.poll(() => hosts.length).toBeGreaterThan(0)
    expect(hosts.every((url) => url.startsWith('https://www.youtube-nocookie.com/'))).toBe(true)
  })

  test('has a VideoObject with its poster, upload date, duration and player', async ({
    request,
  }) => {
    httpOnly()
    const video = (await jsonLdOf(request, VIDEO)).find((item) => item['@type'] === 'VideoObject')
    expect(video).toEqual({
      '@context': 'https://schema.org',
      '@type': 'VideoObject',
      name: 'The Witcher IV: cinematic reveal trailer',
      description: expect.stringContaining('Ciri'),
      thumbnailUrl: expect.stringMatching(
        /\/images\/articles\/the-witcher-4-trailer-analysis-trailer\.webp$/,
      ),
      uploadDate: '2024-12-12T20:00:00-08:00',
      duration: 'PT6M21S',
      embedUrl: 'https://www.youtube-nocookie.com/embed/54dabgZJ5YA',
    })
  })
})

test.describe('live coverage', () => {
  test('shows its badge, its key moments on top and every entry newest first', async ({ page }) => {
    await page.goto(LIVE)
    await expect(page.locator('article header').getByText('Ended', { exact: true })).toBeVisible()
    const key = page.getByRole('region', { name: 'Key moments' })
    await expect(key.getByRole('heading', { level: 3 })).toHaveText([
      'Colour, fully committed',
      'First trend: the long column',
    ])
    const all = page.getByRole('region', { name: 'All updates' })
    const times = await all
      .locator('li time')
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('datetime') ?? ''))
    expect(times).toEqual([...times].sort().reverse())
    expect(times).toHaveLength(4)
    // An ended story does not look for more.
    await expect(page.getByRole('button', { name: /new update/ })).toHaveCount(0)
    // Each entry shares its own anchor.
    const first = all.locator('li').first()
    const anchor = await first.getAttribute('id')
    const email = first.getByRole('link', { name: 'Send by email', includeHidden: true })
    expect(decodeURIComponent((await email.getAttribute('href')) ?? '')).toContain(
      `/tv/emmys-2026-red-carpet-live#${anchor}`,
    )
  })

  test('has a LiveBlogPosting with its coverage times and one update per entry', async ({
    request,
  }) => {
    httpOnly()
    const [posting] = await jsonLdOf(request, LIVE)
    expect(posting).toMatchObject({
      '@type': 'LiveBlogPosting',
      headline: expect.stringContaining('Emmys 2026'),
      coverageStartTime: '2026-09-14T18:00:00-04:00',
      coverageEndTime: '2026-09-14T20:05:00-04:00',
    })
    const updates = posting?.liveBlogUpdate as Record<string, unknown>[]
    expect(updates).toHaveLength(6)
    expect(updates[0]).toMatchObject({
      '@type': 'BlogPosting',
      headline: "That's a wrap",
      datePublished: '2026-09-14T20:05:00-04:00',
      url: expect.stringMatching(/#update-1789430700$/),
    })
  })

  test('/api/live validates its query and answers from a short cache', async ({ request }) => {
    httpOnly()
    const bad = await request.get(`/api/live/emmys-2026-red-carpet-live?since=yesterday`)
    expect(bad.status()).toBe(400)
    expect((await bad.json()).issues[0].path).toBe('since')
    expect((await request.get('/api/live/worst-mcu-netflix-episodes')).status()).toBe(404)
    const fresh = await request.get(
      '/api/live/emmys-2026-red-carpet-live?since=2026-09-14T19:30:00-04:00',
    )
    expect(fresh.headers()['cache-control']).toBe('public, max-age=5, s-maxage=5')
    const body = (await fresh.json()) as { status: string; updates: { update: { at: string } }[] }
    expect(body.status).toBe('ended')
    expect(body.updates.map((entry) => entry.update.at)).toEqual([
      '2026-09-14T20:05:00-04:00',
      '2026-09-14T19:48:00-04:00',
    ])
  })
})

test.describe('outside judges', () => {
  onlyInProject('desktop', 'one browser is enough for the judges')
  test.describe.configure({ timeout: 120_000 })

  test('the Nu Html Checker finds no errors on the four format pages', async ({ request }) => {
    expect(await htmlCheckerErrors(request, FORMAT_PAGES)).toEqual([])
  })

  for (const [name, url, schema] of FORMAT_PAGES) {
    test(`structured data on the ${name} passes the Google, Twitter and Facebook presets`, async ({
      request,
    }) => {
      const html = await (await request.get(url)).text()
      const failures = await structuredDataFailures(html, schema)
      expect(failures).toEqual([])
    })

    for (const colorScheme of ['light', 'dark'] as const) {
      test(`no axe violations on the ${name} (${url}), ${colorScheme}`, async ({ page }) => {
        await page.emulateMedia({ colorScheme })
        await expectNoAxeViolations(page, url)
      })
    }
  }
})

async function expectNoAxeViolations(page: Page, url: string) {
  await page.goto(url)
  await expect(page.getByRole('heading', { level: 1 })).toBeAttached()
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze()
  expect(
    violations.flatMap((violation) =>
      violation.nodes.map(
        (node) =>
          `${violation.id} (${violation.impact}): ${node.target.join(' ')}: ${node.failureSummary ?? violation.help}`,
      ),
    ),
  ).toEqual([])
}
