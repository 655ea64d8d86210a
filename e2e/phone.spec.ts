import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Locator, type Page, type TestInfo } from './support/test'
import {
  layoutShift,
  loadEveryImage,
  MODEL_GALLERY,
  MODEL_STORY,
  onlyInProject,
  recordLayoutShift,
} from './support/site'

// Issue #26, reading on a phone. The device matrix is spelt out here (two phone sizes, both
// themes, JavaScript on and off), so the file runs in one project.
onlyInProject('mobile', 'the phone matrix is set up in this file')
test.describe.configure({ timeout: 60_000 })

const PHONES = [
  { width: 360, height: 640 },
  { width: 412, height: 839 },
] as const

/** A story whose headline is over 100 characters (content/articles/streaming-split-seasons.md). */
const LONG_HEADLINE = {
  url: '/streaming/streaming-split-seasons',
  title:
    'Why Streaming Services Keep Splitting Seasons in Half, and What the Wait Does to the Way We Talk About TV',
  category: 'Streaming',
}
const PHOTO_PAGE = `${MODEL_GALLERY}/3`

const PAGES = [
  { name: 'model story', url: MODEL_STORY.url, category: MODEL_STORY.category.name },
  { name: 'long headline', url: LONG_HEADLINE.url, category: LONG_HEADLINE.category },
  { name: 'photo page', url: PHOTO_PAGE },
] as const

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']

function phoneUse(viewport: { width: number; height: number }) {
  return { viewport, isMobile: true, hasTouch: true, deviceScaleFactor: 2 }
}

async function box(locator: Locator) {
  const found = await locator.boundingBox()
  expect(found, `${locator} has a box`).not.toBeNull()
  return found!
}

async function attachScreenshot(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`${name}.png`)
  await page.screenshot({ path })
  await testInfo.attach(name, { path, contentType: 'image/png' })
}

/** The phone's header: its row of logo, Search and Menu. */
function header(page: Page) {
  const banner = page.getByRole('banner')
  return {
    banner,
    search: banner.locator('summary', { hasText: 'Search' }),
    menu: banner.locator('summary', { hasText: 'Menu' }),
    searchbox: banner.getByRole('searchbox'),
    sections: banner.getByRole('navigation', { name: 'Sections' }),
  }
}

for (const viewport of PHONES) {
  const size = `${viewport.width}×${viewport.height}`
  for (const javaScriptEnabled of [true, false]) {
    for (const colorScheme of ['light', 'dark'] as const) {
      const variant = `${size}, ${colorScheme}, ${javaScriptEnabled ? 'with' : 'without'} JavaScript`

      test.describe(variant, () => {
        test.use({ ...phoneUse(viewport), javaScriptEnabled, colorScheme })

        for (const target of PAGES) {
          test(`${target.name}: the start on the first screen`, async ({ page }, testInfo) => {
            await page.goto(target.url)
            const screen = viewport.height
            const { banner, search, menu } = header(page)

            // A compact header: one row of at most 64 px, its buttons 44 px square.
            const bar = await box(banner)
            expect(bar.height).toBeLessThanOrEqual(64)
            for (const button of [search, menu]) {
              const { width, height, y } = await box(button)
              expect(Math.min(width, height)).toBeGreaterThanOrEqual(44)
              expect(y + height).toBeLessThanOrEqual(bar.y + bar.height)
            }

            // Breadcrumbs: one line.
            const crumbs = await box(page.getByRole('navigation', { name: 'Breadcrumb' }))
            expect(crumbs.height).toBeLessThanOrEqual(30)

            const heading = await box(page.getByRole('heading', { level: 1 }))
            expect(heading.y).toBeGreaterThanOrEqual(bar.y + bar.height)
            expect(heading.y + heading.height, 'the whole headline').toBeLessThanOrEqual(screen)

            if ('category' in target) {
              const article = page.getByRole('article').first()
              const label = await box(article.getByRole('link', { name: target.category }).first())
              expect(label.y + label.height).toBeLessThanOrEqual(heading.y)
              const hero = await box(article.locator('figure img').first())
              expect(hero.y, 'the hero starts under the headline').toBeGreaterThan(heading.y)
              if (target.url === MODEL_STORY.url && viewport.height > 800) {
                expect(hero.y + hero.height, 'the whole hero').toBeLessThanOrEqual(screen)
              } else {
                // At least a fifth of the photo shows without scrolling.
                expect(hero.y + hero.height / 5, 'the top of the hero').toBeLessThanOrEqual(screen)
              }
              // Body text at least 17 px.
              const sizes = await article
                .locator('.prose p')
                .evaluateAll((paragraphs) =>
                  paragraphs.map((p) => parseFloat(getComputedStyle(p).fontSize)),
                )
              expect(sizes.length).toBeGreaterThan(2)
              expect(Math.min(...sizes)).toBeGreaterThanOrEqual(17)
            } else {
              const viewer = page.getByRole('region', { name: 'Photo viewer' })
              const photo = await box(viewer.getByRole('img').first())
              expect(photo.y).toBeGreaterThan(heading.y)
              expect(photo.y + photo.height, 'the whole photo').toBeLessThanOrEqual(screen)
              const caption = viewer.locator('figcaption p').nth(2)
              expect(
                parseFloat(await caption.evaluate((p) => getComputedStyle(p).fontSize)),
              ).toBeGreaterThanOrEqual(17)
            }

            await attachScreenshot(
              page,
              testInfo,
              `${target.name} ${viewport.width}x${viewport.height} ${colorScheme} ${javaScriptEnabled ? 'js' : 'no-js'}`,
            )
          })
        }

        if (javaScriptEnabled) {
          for (const target of PAGES) {
            test(`${target.name}: no axe violations (target-size included)`, async ({ page }) => {
              await page.goto(target.url)
              await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
              const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze()
              expect(
                violations.flatMap((violation) =>
                  violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`),
                ),
              ).toEqual([])
            })
          }
        }
      })
    }
  }
}

test.describe('no sideways scrolling at 320 px', () => {
  test.use(phoneUse({ width: 320, height: 640 }))

  for (const javaScriptEnabled of [true, false]) {
    test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
      test.use({ javaScriptEnabled })

      test('home, hub, both stories and the photo page, menus and share panel open', async ({
        page,
      }) => {
        const scrollWidth = () => page.evaluate(() => document.documentElement.scrollWidth)
        for (const url of ['/', '/tv', MODEL_STORY.url, LONG_HEADLINE.url, PHOTO_PAGE]) {
          await test.step(url, async () => {
            await page.goto(url)
            expect.soft(await scrollWidth(), url).toBeLessThanOrEqual(320)
            const { menu, search } = header(page)
            await menu.tap()
            await expect(header(page).sections).toBeVisible()
            expect.soft(await scrollWidth(), `${url}, menu open`).toBeLessThanOrEqual(320)
            await search.tap()
            await expect(header(page).searchbox).toBeVisible()
            expect.soft(await scrollWidth(), `${url}, search open`).toBeLessThanOrEqual(320)
            const share = page.getByRole('main').locator('summary', { hasText: 'Share' })
            if (url !== '/' && url !== '/tv') {
              await share.tap()
              await expect(page.getByRole('list', { name: 'Share' })).toBeVisible()
              expect.soft(await scrollWidth(), `${url}, share open`).toBeLessThanOrEqual(320)
            }
          })
        }
      })
    })
  }
})

test.describe('the phone header', () => {
  test.use(phoneUse(PHONES[0]))

  for (const javaScriptEnabled of [true, false]) {
    test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
      test.use({ javaScriptEnabled })

      test('Menu opens and closes by touch; its links and theme toggle are 44 px', async ({
        page,
      }) => {
        await page.goto(MODEL_STORY.url)
        const { menu, sections, search, searchbox } = header(page)
        await expect(sections).toBeHidden()
        await menu.tap()
        await expect(sections).toBeVisible()
        const links = sections.getByRole('link')
        await expect(links).toHaveCount(5)
        for (const link of await links.all()) {
          expect((await box(link)).height).toBeGreaterThanOrEqual(44)
        }
        const toggle = page.getByRole('banner').getByRole('button', { name: 'Dark mode' })
        if (javaScriptEnabled) {
          expect((await box(toggle)).height).toBeGreaterThanOrEqual(44)
        } else {
          // The theme follows the system without JavaScript: the toggle isn't offered.
          await expect(toggle).toBeHidden()
        }
        // The two are exclusive: opening Search closes Menu.
        await search.tap()
        await expect(searchbox).toBeVisible()
        await expect(sections).toBeHidden()
        await search.tap()
        await expect(searchbox).toBeHidden()
        await menu.tap()
        await menu.tap()
        await expect(sections).toBeHidden()
      })

      test('Search opens by touch and leads to the results', async ({ page }) => {
        await page.goto(MODEL_STORY.url)
        const { search, searchbox } = header(page)
        await search.tap()
        await expect(searchbox).toBeInViewport()
        if (javaScriptEnabled) await expect(searchbox).toBeFocused()
        else await searchbox.tap()
        await searchbox.fill('daredevil')
        await searchbox.press('Enter')
        await expect(page).toHaveURL(/\/search\?q=daredevil$/)
      })

      test('Menu and Search open and close by keyboard', async ({ page }) => {
        await page.goto(MODEL_STORY.url)
        const { menu, search, sections, searchbox } = header(page)
        await menu.focus()
        await page.keyboard.press('Enter')
        await expect(sections).toBeVisible()
        if (javaScriptEnabled) {
          // Focus moves in; Esc closes and gives focus back to the button.
          await expect(sections.getByRole('link').first()).toBeFocused()
          await page.keyboard.press('Escape')
          await expect(sections).toBeHidden()
          await expect(menu).toBeFocused()
          await search.focus()
          await page.keyboard.press('Space')
          await expect(searchbox).toBeFocused()
          await page.keyboard.press('Escape')
          await expect(searchbox).toBeHidden()
          await expect(search).toBeFocused()
          // Tabbing out of an open panel closes it.
          await page.keyboard.press('Enter')
          await expect(searchbox).toBeFocused()
          await page.keyboard.press('Tab')
          await page.keyboard.press('Tab')
          await page.keyboard.press('Tab')
          await expect(searchbox).toBeHidden()
        } else {
          // The native disclosure: the same key closes it again.
          await page.keyboard.press('Enter')
          await expect(sections).toBeHidden()
          await search.focus()
          await page.keyboard.press('Space')
          await expect(searchbox).toBeVisible()
        }
      })
    })
  }

  test('with JavaScript, a tap outside closes an open panel', async ({ page }) => {
    await page.goto(MODEL_STORY.url)
    const { menu, sections } = header(page)
    await menu.tap()
    await expect(sections).toBeVisible()
    // Under the panel, on the page's text.
    await page.touchscreen.tap(180, 600)
    await expect(sections).toBeHidden()
  })

  test('the theme toggle sits in the menu and switches the theme', async ({ page }) => {
    await page.goto(MODEL_STORY.url)
    await header(page).menu.tap()
    const toggle = page.getByRole('banner').getByRole('button', { name: 'Dark mode' })
    const before = await toggle.getAttribute('aria-pressed')
    await toggle.tap()
    await expect(toggle).toHaveAttribute('aria-pressed', before === 'true' ? 'false' : 'true')
    await expect(page.locator('html')).toHaveAttribute(
      'data-theme',
      before === 'true' ? 'light' : 'dark',
    )
  })
})

test.describe('the desktop header is unchanged', () => {
  test.use({ viewport: { width: 1280, height: 720 } })

  test('search form, theme toggle and sections in the bar; no phone buttons', async ({ page }) => {
    await page.goto(MODEL_STORY.url)
    const banner = page.getByRole('banner')
    await expect(banner.getByRole('search', { name: 'Site search' })).toBeVisible()
    await expect(banner.getByRole('button', { name: 'Dark mode' })).toBeVisible()
    await expect(
      banner.getByRole('navigation', { name: 'Sections' }).getByRole('link'),
    ).toHaveCount(5)
    await expect(banner.locator('summary')).toHaveCount(2)
    for (const summary of await banner.locator('summary').all()) await expect(summary).toBeHidden()
  })
})

test.describe('sharing', () => {
  test.use(phoneUse(PHONES[0]))
  const canonical = `https://marquee.example${MODEL_STORY.url}`

  async function openShare(page: Page) {
    const share = page.getByRole('article').locator('summary', { hasText: 'Share' })
    await expect(share).toBeVisible()
    const { width, height } = await box(share)
    expect(Math.min(width, height)).toBeGreaterThanOrEqual(44)
    await share.tap()
    return page.getByRole('list', { name: 'Share' })
  }

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false })

    test('plain links to each network with the canonical address, and the address to copy', async ({
      page,
    }) => {
      await page.goto(MODEL_STORY.url)
      const list = await openShare(page)
      const links = list.getByRole('link')
      await expect(links).toHaveCount(7)
      for (const link of await links.all()) {
        const href = (await link.getAttribute('href'))!
        expect(decodeURIComponent(href.replace(/\+/g, ' '))).toContain(canonical)
        expect(href).not.toContain('utm_')
        expect((await box(link)).height).toBeGreaterThanOrEqual(44)
      }
      await expect(list.getByRole('button', { name: 'Copy link' })).toBeHidden()
      await expect(page.getByRole('textbox', { name: 'Address' })).toHaveValue(canonical)
    })

    test('the gallery pages have one too, for the gallery', async ({ page }) => {
      for (const url of [MODEL_GALLERY, PHOTO_PAGE]) {
        await page.goto(url)
        await page.getByRole('main').locator('summary', { hasText: 'Share' }).tap()
        await expect(page.getByRole('textbox', { name: 'Address' })).toHaveValue(
          `https://marquee.example${MODEL_GALLERY}`,
        )
      }
    })
  })

  test('without the Web Share API: the panel, and Copy link copies the address', async ({
    page,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'])
    await page.addInitScript(() => {
      // This Chromium may or may not have the API; the fallback is what is under test.
      Object.defineProperty(Navigator.prototype, 'share', { value: undefined })
    })
    await page.goto(MODEL_STORY.url)
    const list = await openShare(page)
    const copy = list.getByRole('button', { name: 'Copy link' })
    await expect(copy).toBeFocused()
    await copy.tap()
    await expect(list.getByRole('status')).toHaveText('Link copied')
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(canonical)
    await page.keyboard.press('Escape')
    await expect(list).toBeHidden()
  })

  test('with the Web Share API: the system share sheet gets the title and canonical address', async ({
    page,
  }) => {
    await page.addInitScript(() => {
      const calls: unknown[] = []
      ;(window as unknown as { shareCalls: unknown[] }).shareCalls = calls
      Object.defineProperty(Navigator.prototype, 'share', {
        value: (data: unknown) => {
          calls.push(data)
          return Promise.resolve()
        },
      })
    })
    await page.goto(MODEL_STORY.url)
    const share = page.getByRole('article').locator('summary', { hasText: 'Share' })
    await share.tap()
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { shareCalls: unknown[] }).shareCalls))
      .toEqual([{ url: canonical, title: MODEL_STORY.title }])
    await expect(page.getByRole('list', { name: 'Share' })).toBeHidden()
  })
})

test.describe('no layout shift on a phone', () => {
  for (const viewport of PHONES) {
    test.describe(`${viewport.width}×${viewport.height}`, () => {
      test.use(phoneUse(viewport))

      for (const target of PAGES) {
        test(`${target.name}: CLS 0 while it loads and is scrolled`, async ({ page }) => {
          await recordLayoutShift(page)
          await page.goto(target.url, { waitUntil: 'load' })
          await loadEveryImage(page, page.locator('main img:visible'))
          expect(await layoutShift(page)).toBe(0)
        })
      }
    })
  }
})

test.describe('a hub on a phone', () => {
  test.use(phoneUse(PHONES[1]))

  test('the first cover across the screen, then headlines beside thumbnail-sized files', async ({
    page,
  }) => {
    await recordLayoutShift(page)
    await page.goto('/tv', { waitUntil: 'load' })
    const cards = page.getByRole('main').locator('article')
    expect((await box(cards.first().locator('img'))).width).toBeGreaterThan(PHONES[1].width - 40)
    const rows = (await cards.all()).slice(1, 7)
    for (const card of rows) {
      const image = card.locator('img')
      await image.scrollIntoViewIfNeeded()
      const [photo, heading] = [await box(image), await box(card.getByRole('heading'))]
      expect(photo.width).toBeLessThanOrEqual(128)
      expect(photo.x, 'thumbnail to the right of the headline').toBeGreaterThanOrEqual(
        heading.x + heading.width,
      )
      expect(heading.y, 'on the same row').toBeLessThan(photo.y + photo.height)
      // 128 CSS px on this 2x screen: the 256 px file, not one made for the screen's width.
      await expect
        .poll(() => image.evaluate((img) => (img as HTMLImageElement).currentSrc))
        .toMatch(/[?&]w=256&/)
    }
    expect(await layoutShift(page)).toBe(0)
    // From the `sm` breakpoint up the cards are stacked again: the photo above the headline.
    await page.setViewportSize({ width: 800, height: 900 })
    const [photo, heading] = [
      await box(rows[0]!.locator('img')),
      await box(rows[0]!.getByRole('heading')),
    ]
    expect(photo.y + photo.height).toBeLessThanOrEqual(heading.y)
  })

  for (const javaScriptEnabled of [true, false]) {
    test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
      test.use({ javaScriptEnabled })

      test('a story card is one link, and a tap on its photo opens the story', async ({ page }) => {
        await page.goto('/tv')
        const card = page
          .getByRole('main')
          .locator('article')
          .filter({ has: page.getByRole('heading', { level: 2 }) })
          .nth(1)
        const link = card.locator('a')
        await expect(link).toHaveCount(1)
        const href = await link.getAttribute('href')
        expect(href).toMatch(/^\/tv\/[a-z0-9-]+$/)
        // The headline's link covers the card (its ::after): a tap on the photo lands on it.
        await card.locator('img').scrollIntoViewIfNeeded()
        const photo = await box(card.locator('img'))
        await page.touchscreen.tap(photo.x + photo.width / 2, photo.y + photo.height / 2)
        await expect(page).toHaveURL(href!)
      })
    })
  }
})
