import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from './support/test'
import {
  BAD_ADDRESS,
  MISSING_PAGE,
  MODEL_STORY as story,
  openHeaderPanel,
  requireJavaScript,
} from './support/site'

requireJavaScript('axe runs as a script in the page')
// An axe scan of a full page takes a few seconds of CPU; leave room on a busy machine.
test.describe.configure({ timeout: 60_000 })

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']

async function expectNoViolations(page: Page) {
  await expect(page.getByRole('heading', { level: 1 })).toBeAttached()
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze()
  // One line per failing element, so the report says what to fix and where.
  const found = violations.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `${violation.id} (${violation.impact}): ${node.target.join(' ')}: ${node.failureSummary ?? violation.help}`,
    ),
  )
  expect(found).toEqual([])
}

test.use({ colorScheme: 'light' })

const pages = [
  ['home', '/'],
  ['category hub', story.category.url],
  ['model story', story.url],
  ['author', story.authors[0].url],
  ['topic', '/topic/luke-cage'],
  ['search results', '/search?q=luke'],
  ['404', MISSING_PAGE],
  ['400, an address that cannot be read', BAD_ADDRESS],
] as const

for (const [name, url] of pages) {
  test(`no axe violations: ${name} (${url})`, async ({ page }) => {
    await page.goto(url)
    await expectNoViolations(page)
  })
}

test.describe('dark colour scheme', () => {
  test.use({ colorScheme: 'dark' })

  // The toggle's dark theme uses the same colours as the system's (app/globals.css).
  test(`no axe violations: model story in dark mode`, async ({ page }) => {
    await page.goto(story.url)
    await openHeaderPanel(page, 'Menu')
    await expect(page.getByRole('button', { name: 'Dark mode' })).toHaveAttribute(
      'aria-pressed',
      'true',
    )
    await expectNoViolations(page)
  })

  // The static error pages carry the dark colours in their own style (lib/server/error-page.ts).
  test(`no axe violations: the 400 page in dark mode`, async ({ page }) => {
    await page.goto(BAD_ADDRESS)
    await expect(page.locator('body')).toHaveCSS('background-color', 'rgb(18, 17, 22)')
    await expectNoViolations(page)
  })
})
