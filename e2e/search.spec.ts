import { expect, test } from './support/test'
import { MODEL_STORY, openHeaderPanel } from './support/site'

test('/search?q=luke lists the Luke Cage story with highlighted words, and is noindex', async ({
  page,
}) => {
  await page.goto('/search?q=luke')
  const results = page.getByRole('main').getByRole('listitem')
  await expect(page.getByRole('link', { name: MODEL_STORY.title })).toBeVisible()
  expect(await results.count()).toBeGreaterThan(1)
  await expect(results.first().locator('mark').first()).toHaveText(/^luke$/i)
  await expect(page.getByRole('status')).toContainText('matching “luke”')
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/)
})

test('the search box in the header leads to the results', async ({ page, isMobile }) => {
  await page.goto(MODEL_STORY.url)
  await openHeaderPanel(page, 'Search')
  const box = page.getByRole('search', { name: 'Site search' }).getByRole('searchbox')
  await box.fill('daredevil')
  await box.press('Enter')
  await expect(page).toHaveURL(/\/search\?q=daredevil$/)
  await expect(page.getByRole('main').locator('mark').first()).toHaveText(/daredevil/i)
  // On a phone the results page opens with its own search box in view.
  if (isMobile) {
    await expect(
      page.getByRole('search', { name: 'Search stories' }).getByRole('searchbox'),
    ).toBeInViewport()
  }
})

test('a typo and a prefix still find the story', async ({ page }) => {
  await page.goto('/search?q=lukr%20cag')
  await expect(page.getByRole('link', { name: MODEL_STORY.title })).toBeVisible()
})

test('results are paginated with real links', async ({ page }) => {
  await page.goto('/search?q=season')
  const pages = page.getByRole('navigation', { name: 'Result pages' })
  await expect(pages).toBeVisible()
  await pages.getByRole('link', { name: 'Page 2' }).click()
  await expect(page).toHaveURL(/\/search\?q=season&page=2$/)
  await expect(page.getByRole('status')).toContainText(/^11–/)
})

test.describe('with JavaScript', () => {
  test.skip(({ javaScriptEnabled }) => !javaScriptEnabled, 'live results need JavaScript')

  test('results follow the typing through /api/search, and the address follows', async ({
    page,
  }) => {
    await page.goto('/search?q=luke')
    await expect(page.getByRole('link', { name: MODEL_STORY.title })).toBeVisible()
    const box = page.getByRole('search', { name: 'Search stories' }).getByRole('searchbox')
    const api = page.waitForResponse((response) => response.url().includes('/api/search?q=witc'))
    await box.fill('witc')
    expect((await api).status()).toBe(200)
    await expect(
      page
        .getByRole('main')
        .getByRole('link', { name: /Witcher/ })
        .first(),
    ).toBeVisible()
    await expect(page.getByRole('link', { name: MODEL_STORY.title })).toHaveCount(0)
    await expect(page).toHaveURL(/\/search\?q=witc$/)
    // Typing is not navigation: Back leaves the search page.
    expect(await page.evaluate(() => history.length)).toBeLessThanOrEqual(2)
  })

  test('a query over 200 characters is not sent', async ({ page }) => {
    await page.goto('/search')
    const box = page.getByRole('search', { name: 'Search stories' }).getByRole('searchbox')
    await expect(box).toHaveAttribute('maxlength', '200')
  })
})

test.describe('bad input', () => {
  test.skip(({ javaScriptEnabled, isMobile }) => !javaScriptEnabled || isMobile, 'HTTP only')

  for (const [what, query, field] of [
    ['no q', '', 'q'],
    ['an empty q', '?q=', 'q'],
    ['a blank q', '?q=%20%20', 'q'],
    ['a q of 201 characters', `?q=${'a'.repeat(201)}`, 'q'],
    ['page 0', '?q=luke&page=0', 'page'],
    ['a page that is not a number', '?q=luke&page=two', 'page'],
  ] as const) {
    test(`/api/search with ${what} answers 400 with the reason`, async ({ request }) => {
      const response = await request.get(`/api/search${query}`)
      expect(response.status()).toBe(400)
      const body = (await response.json()) as { error: string; issues: { path: string }[] }
      expect(body.error).toBe('invalid_request')
      expect(body.issues.map((issue) => issue.path)).toEqual([field])
    })
  }

  test('/api/search with a q of 200 characters answers 200', async ({ request }) => {
    expect((await request.get(`/api/search?q=${'a'.repeat(200)}`)).status()).toBe(200)
  })

  for (const url of ['/search?q=luke&page=abc', '/search?q=luke&page=99']) {
    test(`${url} answers 404`, async ({ request }) => {
      expect((await request.get(url)).status()).toBe(404)
    })
  }
})
