import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from './support/test'

const GALLERY = '/gallery/luke-cage-season-2-set-photos'
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']

/** Every axe violation, as "rule: target" lines, so a failure names what to fix. */
async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze()
  return results.violations.flatMap((violation) =>
    violation.nodes.map(
      (node) => `${violation.id} (${violation.impact}): ${node.target.join(' ')}`,
    ),
  )
}

test.describe('gallery accessibility (axe)', () => {
  test.beforeEach(({}, testInfo) => {
    test.skip(testInfo.project.name === 'no-js', 'axe runs in the page: it needs JavaScript')
    test.slow() // a full axe run over a page of photos
  })

  test('the view-all page', async ({ page }) => {
    await page.goto(GALLERY)
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    expect(await violations(page)).toEqual([])
  })

  test('a photo page with the viewer closed', async ({ page }) => {
    await page.goto(`${GALLERY}/3`)
    await expect(page.getByRole('region', { name: 'Photo viewer' })).toBeVisible()
    expect(await violations(page)).toEqual([])
  })

  test('a photo page with the full-screen dialog open', async ({ page }) => {
    await page.goto(`${GALLERY}/3`)
    // The island is live once it has preloaded the next photo.
    await expect(
      page.locator('head link[rel="preload"][as="image"][imagesrcset*="04.webp"]'),
    ).toHaveCount(1)
    await page.getByRole('button', { name: 'Full screen' }).click()
    const dialog = page.getByRole('dialog')
    await expect(dialog).toBeVisible()
    await expect(dialog.getByRole('img')).toBeVisible()
    expect(await violations(page)).toEqual([])
  })
})
