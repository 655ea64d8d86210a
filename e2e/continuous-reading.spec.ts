import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from './support/test'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'yaml'

const MODEL = '/tv/luke-cage-season-2-set-photos'
const NEXT = { title: '20 Worst MCU Netflix Episodes Ever', url: '/tv/worst-mcu-netflix-episodes' }

const topics = parse(
  readFileSync(path.resolve(process.env.CONTENT_DIR ?? 'content', 'topics.yaml'), 'utf8'),
) as { slug: string; name: string }[]

/**
 * Reads on: scrolls down until the next story has been appended, then brings its headline to
 * the middle of the screen, where the address bar follows the story in view.
 */
async function scrollUntilAddress(page: Page, url: string) {
  const headline = page.locator(`[data-story-url="${url}"] h2`).first()
  await expect
    .poll(
      async () => {
        await page.evaluate(() => window.scrollBy(0, window.innerHeight / 2))
        return headline.count()
      },
      { timeout: 20_000, intervals: [200] },
    )
    .toBe(1)
  await headline.evaluate((element) => element.scrollIntoView({ block: 'center' }))
  await expect(page).toHaveURL(url)
}

test.describe('the Next: link', () => {
  test('is a plain link that leads to the next story', async ({ page }) => {
    await page.goto(MODEL)
    const link = page.getByRole('link', { name: `Next: ${NEXT.title}` })
    await expect(link).toHaveAttribute('href', NEXT.url)
    await link.click()
    // A client-side navigation commits when the story's data has come: on a busy machine, just
    // after the server started, that took over the 5 s an expect waits (CI, once).
    await page.waitForURL(NEXT.url)
    await expect(page.getByRole('heading', { level: 1, name: NEXT.title })).toBeVisible()
  })

  test('is in the server HTML and its target answers 200', async ({ request }) => {
    const html = await (await request.get(MODEL)).text()
    expect(html).toContain(`href="${NEXT.url}"`)
    expect(html).toContain(NEXT.title)
    expect((await request.get(NEXT.url)).status()).toBe(200)
  })
})

test.describe('continuous reading', () => {
  test.skip(({ javaScriptEnabled }) => !javaScriptEnabled, 'needs JavaScript')

  test('appends the next story, follows it in the address bar and title, and Back leaves', async ({
    page,
  }) => {
    await page.goto('/')
    await page
      .getByRole('link', { name: /Luke Cage Season 2 Set Photos/ })
      .first()
      .click()
    await expect(page).toHaveURL(MODEL)

    await scrollUntilAddress(page, NEXT.url)
    await expect(page).toHaveTitle(new RegExp(`^${NEXT.title} \\|`))
    await expect(page.getByRole('heading', { level: 2, name: NEXT.title })).toBeVisible()

    await page.goBack()
    await expect(page).toHaveURL('/')
  })

  test('prefetches the next story before the reader reaches the end', async ({ page }) => {
    const request = page.waitForRequest((req) => req.url().includes('/api/stories/worst-mcu'))
    await page.goto(MODEL)
    await page.getByText('Where to watch now').scrollIntoViewIfNeeded()
    await request
    expect(new URL(page.url()).pathname).toBe(MODEL)
  })

  test('a reload at the followed address renders that story on the server', async ({ page }) => {
    await page.goto(MODEL)
    await scrollUntilAddress(page, NEXT.url)
    await page.reload()
    await expect(page.getByRole('heading', { level: 1, name: NEXT.title })).toBeVisible()
  })

  test('never appends a story twice', async ({ page }) => {
    await page.goto(MODEL)
    await scrollUntilAddress(page, NEXT.url)
    await expect
      .poll(
        async () => {
          await page.evaluate(() => window.scrollBy(0, window.innerHeight))
          return page.locator('section[aria-label^="Next story:"]').count()
        },
        { timeout: 20_000, intervals: [150] },
      )
      .toBeGreaterThanOrEqual(2)
    const urls = await page
      .locator('[data-story-url]')
      .evaluateAll((nodes) => nodes.map((node) => (node as HTMLElement).dataset.storyUrl))
    expect(new Set(urls).size).toBe(urls.length)
  })

  test('appended stories pass axe', async ({ page }) => {
    await page.goto(MODEL)
    await scrollUntilAddress(page, NEXT.url)
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
      .include('section[aria-label^="Next story:"]')
      .analyze()
    expect(results.violations).toEqual([])
  })
})

test.describe('the story API', () => {
  test.skip(
    ({ javaScriptEnabled, isMobile }) => !javaScriptEnabled || isMobile,
    'HTTP only: one project is enough',
  )

  test('answers a story with its next, cached like the pages', async ({ request }) => {
    const response = await request.get(
      `/api/stories/worst-mcu-netflix-episodes?exclude=luke-cage-season-2-set-photos`,
    )
    expect(response.status()).toBe(200)
    expect(response.headers()['cache-control']).toContain('s-maxage=60')
    const body = (await response.json()) as {
      story: { title: string }
      next: { slug: string } | null
    }
    expect(body.story.title).toBe(NEXT.title)
    expect(body.next?.slug).not.toBe('luke-cage-season-2-set-photos')
  })

  const badRequests: [string, string][] = [
    ['an invalid slug', '/api/stories/Bad_Slug'],
    ['an invalid exclude list', '/api/stories/worst-mcu-netflix-episodes?exclude=a,,b'],
  ]
  for (const [name, url] of badRequests) {
    test(`answers 400 JSON for ${name}`, async ({ request }) => {
      const response = await request.get(url)
      expect(response.status()).toBe(400)
      expect(await response.json()).toMatchObject({ error: 'invalid_request' })
    })
  }

  for (const [name, slug] of [
    ['an unknown story', 'no-such-story'],
    ['a draft', 'luke-cage-season-3-wishlist'],
  ]) {
    test(`answers 404 JSON for ${name}`, async ({ request }) => {
      const response = await request.get(`/api/stories/${slug}`)
      expect(response.status()).toBe(404)
      expect(await response.json()).toMatchObject({ error: 'not_found' })
    })
  }
})

test.describe('topic hubs', () => {
  test.skip(
    ({ javaScriptEnabled, isMobile }) => !javaScriptEnabled || isMobile,
    'HTTP only: one project is enough',
  )

  test('every topic answers 200 with its name; an unknown one 404', async ({ request }) => {
    for (const topic of topics) {
      const response = await request.get(`/topic/${topic.slug}`)
      expect(response.status(), topic.slug).toBe(200)
      expect(await response.text()).toContain(topic.name.replace(/'/g, '&#x27;'))
    }
    expect((await request.get('/topic/no-such-topic')).status()).toBe(404)
  })
})
