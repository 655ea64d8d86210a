import { expect, test, type Page } from './support/test'
import {
  layoutShift,
  loadEveryImage,
  MISSING_PAGE,
  MODEL_GALLERY,
  MODEL_STORY as story,
  onlyInProject,
  recordLayoutShift,
  UNROUTED_PAGE,
} from './support/site'

/** Relative luminance (0 black … 1 white) of the body's computed background colour. */
async function bodyBackgroundLuminance(page: Page): Promise<number> {
  const color = await page.evaluate(() => getComputedStyle(document.body).backgroundColor)
  const [r, g, b] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map((part) => {
    const channel = Number(part) / 255
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4
  })
  expect(r, `body background ${color}`).toBeDefined()
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
}

test.describe('a 360 px wide phone never scrolls sideways', () => {
  test.use({ viewport: { width: 360, height: 740 } })

  const pages = [
    ['home', '/'],
    ['category hub', story.category.url],
    ['article', story.url],
    ['author', story.authors[0].url],
    ['topic', '/topic/luke-cage'],
    ['gallery', MODEL_GALLERY],
    ['photo page', `${MODEL_GALLERY}/1`],
    ['search results', '/search?q=luke'],
    ['404 from notFound()', MISSING_PAGE],
    ['404 for a URL no route matches', UNROUTED_PAGE],
  ] as const

  // One page after another in one test: a fresh browser context per page costs more than
  // the check itself. Soft assertions report every page that overflows, not just the first.
  test('home, hub, article, author, topic, gallery, photo and 404 pages', async ({ page }) => {
    for (const [name, url] of pages) {
      await test.step(`${name} (${url})`, async () => {
        await page.goto(url)
        await expect.soft(page.getByRole('heading', { level: 1 }), `${url} rendered`).toBeAttached()
        const { scrollWidth, clientWidth } = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          clientWidth: document.documentElement.clientWidth,
        }))
        expect.soft(clientWidth, `${url} viewport`).toBeLessThanOrEqual(360)
        expect.soft(scrollWidth, `${url} scroll width`).toBeLessThanOrEqual(360)
      })
    }
  })
})

test.describe('dark mode follows the system', () => {
  test.describe('dark system', () => {
    test.use({ colorScheme: 'dark' })
    test('the page is dark', async ({ page }) => {
      await page.goto(story.url)
      expect(await bodyBackgroundLuminance(page)).toBeLessThan(0.1)
    })
  })

  test.describe('light system', () => {
    test.use({ colorScheme: 'light' })
    test('the page is light', async ({ page }) => {
      await page.goto(story.url)
      expect(await bodyBackgroundLuminance(page)).toBeGreaterThan(0.8)
    })
  })
})

test.describe('the dark mode toggle', () => {
  onlyInProject('desktop', 'needs JavaScript; one browser is enough')
  test.use({ colorScheme: 'light' })

  test('switches the theme, survives a reload and is applied before first paint', async ({
    page,
  }) => {
    // Records the theme the moment the HTML is parsed, before any deferred script runs.
    await page.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => {
        document.documentElement.dataset.themeAtParse =
          document.documentElement.dataset.theme ?? 'none'
      })
    })
    await page.goto(story.url)
    const html = page.locator('html')
    const toggle = page.getByRole('button', { name: 'Dark mode' })
    await expect(toggle).toHaveAttribute('aria-pressed', 'false')
    await expect(html).toHaveAttribute('data-theme-at-parse', 'none')
    expect(await bodyBackgroundLuminance(page)).toBeGreaterThan(0.8)

    await toggle.click()
    await expect(toggle).toHaveAttribute('aria-pressed', 'true')
    await expect(html).toHaveAttribute('data-theme', 'dark')
    expect(await bodyBackgroundLuminance(page)).toBeLessThan(0.1)

    await page.reload()
    await expect(html).toHaveAttribute('data-theme-at-parse', 'dark')
    await expect(html).toHaveAttribute('data-theme', 'dark')
    await expect(toggle).toHaveAttribute('aria-pressed', 'true')
    expect(await bodyBackgroundLuminance(page)).toBeLessThan(0.1)

    // Choosing what the system prefers again forgets the choice.
    await toggle.click()
    await expect(toggle).toHaveAttribute('aria-pressed', 'false')
    await expect(html).not.toHaveAttribute('data-theme', /./)
    expect(await page.evaluate(() => localStorage.getItem('theme'))).toBeNull()
    await page.reload()
    await expect(html).toHaveAttribute('data-theme-at-parse', 'none')
    expect(await bodyBackgroundLuminance(page)).toBeGreaterThan(0.8)
  })

  test.describe('on a dark system', () => {
    test.use({ colorScheme: 'dark' })

    test('a reader can choose light, and it sticks', async ({ page }) => {
      await page.goto(story.url)
      const toggle = page.getByRole('button', { name: 'Dark mode' })
      await expect(toggle).toHaveAttribute('aria-pressed', 'true')
      await toggle.click()
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'light')
      expect(await bodyBackgroundLuminance(page)).toBeGreaterThan(0.8)
      await page.reload()
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'light')
      await expect(toggle).toHaveAttribute('aria-pressed', 'false')
      expect(await bodyBackgroundLuminance(page)).toBeGreaterThan(0.8)
    })
  })
})

test.describe('no layout shift on the article', () => {
  test('every image has width and height', async ({ page }) => {
    await page.goto(story.url)
    const images = page.locator('img')
    await expect(images).not.toHaveCount(0)
    const missing = await images.evaluateAll((imgs) =>
      imgs
        .filter(
          (img) =>
            !/^[1-9]\d*$/.test(img.getAttribute('width') ?? '') ||
            !/^[1-9]\d*$/.test(img.getAttribute('height') ?? ''),
        )
        .map((img) => img.outerHTML.slice(0, 160)),
    )
    expect(missing).toEqual([])
  })

  test.describe('measured', () => {
    onlyInProject('desktop', 'layout-shift entries are measured in one browser')

    test('cumulative layout shift stays at 0 while the page loads and is read', async ({
      page,
    }) => {
      await recordLayoutShift(page)
      await page.goto(story.url, { waitUntil: 'load' })

      // Bring every lazy image into view, so late images get their chance to shift the page.
      await loadEveryImage(page, page.locator('main img'))
      const cls = await layoutShift(page)
      expect(cls).toBeLessThan(0.01)
    })
  })
})
