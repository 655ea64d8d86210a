import { readFileSync } from 'node:fs'
import path from 'node:path'
import { expect, test, type Page } from './support/test'
import { parse } from 'yaml'

/**
 * The model gallery, read from its content file so the expectations follow the content.
 * Twelve photos, attached to the model story, which embeds a strip of it.
 */
const SLUG = 'luke-cage-season-2-set-photos'
const GALLERY = `/gallery/${SLUG}`
const ARTICLE = '/tv/luke-cage-season-2-set-photos'
const ARTICLE_TITLE = 'Luke Cage Season 2 Set Photos Put Luke and Claire Back Together'

interface SlideData {
  image: string
  alt: string
  caption: string
  credit: string
}
const contentDir = path.resolve(process.env.CONTENT_DIR ?? 'content')
const gallery = parse(readFileSync(path.join(contentDir, 'galleries', `${SLUG}.yaml`), 'utf8')) as {
  title: string
  slides: SlideData[]
}
const slides = gallery.slides
const COUNT = slides.length

/** Slide n (1-based), failing loudly rather than returning undefined. */
function slide(n: number): SlideData {
  const data = slides[n - 1]
  if (!data) throw new Error(`the gallery has no photo ${n}`)
  return data
}

const photoUrl = (n: number) => `${GALLERY}/${n}`
const photoPath = (n: number) => new RegExp(`${GALLERY}/${n}$`)
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** The visible photo, its caption block and its "n of 12" line. */
function viewer(page: Page) {
  const section = page.getByRole('region', { name: 'Photo viewer' })
  const figure = section.getByRole('figure')
  return {
    section,
    figure,
    position: (n: number) => figure.getByText(`${n} of ${COUNT}`, { exact: true }),
    photo: (n: number) => figure.getByRole('img', { name: slide(n).alt, exact: true }),
    liveRegion: section.locator('[aria-live="polite"]'),
    thumbnail: (n: number) =>
      section
        .getByRole('list', { name: 'All photos' })
        .getByRole('link', { name: `Photo ${n} of ${COUNT}`, exact: true }),
  }
}

async function expectPhoto(page: Page, n: number) {
  const view = viewer(page)
  await expect(page).toHaveURL(photoPath(n))
  await expect(view.position(n)).toBeVisible()
  await expect(view.photo(n)).toBeVisible()
  await expect(view.figure).toContainText(slide(n).caption)
}

/**
 * The island is live once its effects have run; the first thing they do is preload the next
 * photo, so that <link> is the signal that keys and swipes are handled.
 */
async function waitForViewer(page: Page, n: number) {
  const neighbour = slides[n] ? n + 1 : n - 1
  const file = path.basename(slide(neighbour).image)
  await expect(
    page.locator(`head link[rel="preload"][as="image"][imagesrcset*="${file}"]`),
  ).toHaveCount(1)
}

const withJs = (projectName: string) => projectName !== 'no-js'

test.describe('server HTML, for crawlers and readers without JavaScript', () => {
  test.beforeEach(({}, testInfo) => {
    test.skip(testInfo.project.name !== 'no-js', 'the server HTML is the same for every project')
  })

  test('the raw HTML of a photo page holds the photo, its caption, credit and real links', async ({
    request,
  }) => {
    const response = await request.get(photoUrl(2))
    expect(response.status()).toBe(200)
    const html = await response.text()

    const images = html.match(/<img\b[^>]*>/g) ?? []
    const photo = images.find((tag) => tag.includes(`alt="${slide(2).alt}"`))
    expect(photo, 'the photo <img> with its alt text').toBeDefined()
    expect(photo).toMatch(/\swidth="[1-9]\d*"/)
    expect(photo).toMatch(/\sheight="[1-9]\d*"/)
    expect(photo).toContain(encodeURIComponent(slide(2).image))

    expect(html).toContain(slide(2).caption)
    expect(html).toContain(slide(2).credit)
    expect(html).toMatch(/2(<!-- -->)? of (<!-- -->)?12/)
    expect(html).toMatch(new RegExp(`<a href="${escapeRegExp(photoUrl(1))}" rel="prev"`))
    expect(html).toMatch(new RegExp(`<a href="${escapeRegExp(photoUrl(3))}" rel="next"`))
    expect(html).toContain(`href="${GALLERY}"`)
    expect(html).toContain(`href="${ARTICLE}"`)

    const head = html.slice(0, html.indexOf('</head>'))
    expect(head).toMatch(
      new RegExp(`<link rel="canonical" href="[^"]*${escapeRegExp(photoUrl(2))}"`),
    )
    expect(head).toContain(`<title>${gallery.title}, photo 2 of ${COUNT}`)
  })

  test('a photo page without JavaScript: photo, caption, credit, links, canonical', async ({
    page,
  }) => {
    const response = await page.goto(photoUrl(2))
    expect(response?.status()).toBe(200)
    const view = viewer(page)

    await expect(view.photo(2)).toBeVisible()
    await expect(view.photo(2)).toHaveAttribute('width', /^[1-9]\d*$/)
    await expect(view.photo(2)).toHaveAttribute('height', /^[1-9]\d*$/)
    await expect(view.position(2)).toBeVisible()
    await expect(view.figure.getByText(slide(2).caption, { exact: true })).toBeVisible()
    await expect(view.figure.getByText(slide(2).credit, { exact: true })).toBeVisible()

    const photos = page.getByRole('navigation', { name: 'Photos' })
    await expect(photos.getByRole('link', { name: '← Previous' })).toHaveAttribute(
      'href',
      photoUrl(1),
    )
    await expect(photos.getByRole('link', { name: 'Next →' })).toHaveAttribute('href', photoUrl(3))
    // Full screen needs the island; without it the button would do nothing, so it is hidden.
    await expect(page.getByRole('button', { name: 'Full screen' })).toBeHidden()

    for (let n = 1; n <= COUNT; n++) {
      await expect(view.thumbnail(n)).toHaveAttribute('href', photoUrl(n))
    }
    await expect(view.thumbnail(2)).toHaveAttribute('aria-current', 'true')

    await expect(page.getByRole('link', { name: `View all ${COUNT} photos` })).toHaveAttribute(
      'href',
      GALLERY,
    )
    await expect(
      page.getByRole('link', { name: `Back to the story: ${ARTICLE_TITLE}` }),
    ).toHaveAttribute('href', ARTICLE)
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', photoPath(2))
  })

  test('a reader without JavaScript walks the whole gallery with "Next →"', async ({ page }) => {
    test.slow() // twelve full page loads
    await page.goto(photoUrl(1))
    const photos = page.getByRole('navigation', { name: 'Photos' })
    await expect(photos.getByRole('link', { name: '← Previous' })).toHaveCount(0)

    for (let n = 1; n < COUNT; n++) {
      await expectPhoto(page, n)
      await photos.getByRole('link', { name: 'Next →' }).click()
    }
    await expectPhoto(page, COUNT)
    await expect(photos.getByRole('link', { name: 'Next →' })).toHaveCount(0)
    await expect(photos.getByRole('link', { name: '← Previous' })).toHaveAttribute(
      'href',
      photoUrl(COUNT - 1),
    )
  })

  test('404 for photo numbers out of range, malformed, and for an unknown gallery', async ({
    request,
  }) => {
    const missing = [
      photoUrl(0),
      photoUrl(COUNT + 1),
      photoUrl(999),
      `${GALLERY}/abc`,
      `${GALLERY}/-1`,
      `${GALLERY}/01`,
      `${GALLERY}/1.5`,
      '/gallery/no-such-gallery',
      '/gallery/no-such-gallery/1',
    ]
    for (const url of missing) {
      const response = await request.get(url, { maxRedirects: 0 })
      expect(response.status(), url).toBe(404)
    }
    for (const url of [GALLERY, photoUrl(1), photoUrl(COUNT)]) {
      expect((await request.get(url)).status(), url).toBe(200)
    }
  })
})

test('the view-all page lists every photo with its caption and credit, lazily below the fold', async ({
  page,
}) => {
  const response = await page.goto(GALLERY)
  expect(response?.status()).toBe(200)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(gallery.title)

  const figures = page.getByRole('main').getByRole('figure')
  await expect(figures).toHaveCount(COUNT)
  for (let n = 1; n <= COUNT; n++) {
    const figure = figures.nth(n - 1)
    await expect(figure).toContainText(slide(n).caption)
    await expect(figure).toContainText(slide(n).credit)
    await expect(figure.getByRole('link')).toHaveAttribute('href', photoUrl(n))
    const image = figure.getByRole('img', { name: slide(n).alt, exact: true })
    await expect(image).toHaveAttribute('width', /^[1-9]\d*$/)
    await expect(image).toHaveAttribute('height', /^[1-9]\d*$/)
    await expect(image).toHaveAttribute('loading', n === 1 ? 'eager' : 'lazy')
  }

  await expect(
    page.getByRole('link', { name: `Read the story: ${ARTICLE_TITLE}` }),
  ).toHaveAttribute('href', ARTICLE)
  await expect(page.getByRole('link', { name: 'Start the slideshow →' })).toHaveAttribute(
    'href',
    photoUrl(1),
  )
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
    'href',
    new RegExp(`${GALLERY}$`),
  )
})

test.describe('the gallery in its article', () => {
  test('the strip links each photo to its page and "See all" to the gallery', async ({ page }) => {
    await page.goto(ARTICLE)
    const strip = page.getByRole('complementary', { name: `Photos: ${gallery.title}` })
    const photoLinks = strip.getByRole('link', { name: new RegExp(`^Photo \\d+ of ${COUNT}:`) })
    const shown = await photoLinks.count()
    expect(shown).toBeGreaterThan(0)
    for (let n = 1; n <= shown; n++) {
      await expect(photoLinks.nth(n - 1)).toHaveAttribute('href', photoUrl(n))
      await expect(photoLinks.nth(n - 1)).toHaveAccessibleName(
        `Photo ${n} of ${COUNT}: ${slide(n).alt}`,
      )
    }

    await strip.getByRole('link', { name: `See all ${COUNT} photos` }).click()
    await page.waitForURL(new RegExp(`${GALLERY}$`))
    await expect(page.getByRole('main').getByRole('figure')).toHaveCount(COUNT)
  })

  test('"Click Here…" opens the gallery and "Start the slideshow" its first photo', async ({
    page,
  }) => {
    await page.goto(ARTICLE)
    await page.getByRole('link', { name: 'Click Here to See the Luke Cage Set Photos' }).click()
    await page.waitForURL(new RegExp(`${GALLERY}$`))
    await page.getByRole('link', { name: 'Start the slideshow →' }).click()
    await page.waitForURL(photoPath(1))
    await expectPhoto(page, 1)
  })
})

test('a deep link opens that photo', async ({ page }) => {
  const response = await page.goto(photoUrl(7))
  expect(response?.status()).toBe(200)
  await expectPhoto(page, 7)
  await expect(page).toHaveTitle(new RegExp(`photo 7 of ${COUNT}`))
  await expect(viewer(page).thumbnail(7)).toHaveAttribute('aria-current', 'true')
})

test.describe('the viewer island', () => {
  test.beforeEach(({}, testInfo) => {
    test.skip(!withJs(testInfo.project.name), 'the island needs JavaScript')
  })

  test('a deep link leaves the page at its top and brings the current thumbnail into the strip', async ({
    page,
  }) => {
    const view = viewer(page)
    await page.goto(photoUrl(COUNT))
    await waitForViewer(page, COUNT)
    const strip = view.section.getByRole('list', { name: 'All photos' })
    // The strip scrolls sideways to the photo; the page itself stays where the reader arrived,
    // with the title and the photo in view (scrollIntoView used to pull it down to the strip).
    await expect.poll(() => strip.evaluate((list) => list.scrollLeft)).toBeGreaterThan(0)
    const thumb = await view.thumbnail(COUNT).boundingBox()
    const box = await strip.boundingBox()
    if (!thumb || !box) throw new Error('the strip and its last thumbnail should be laid out')
    expect(thumb.x).toBeGreaterThanOrEqual(box.x - 1)
    expect(thumb.x + thumb.width).toBeLessThanOrEqual(box.x + box.width + 1)
    expect(await page.evaluate(() => window.scrollY)).toBe(0)
    await expect(page.getByRole('heading', { level: 1 })).toBeInViewport()
  })

  test('arrow keys move between photos; the address, title and live region follow; Back leaves', async ({
    page,
  }, testInfo) => {
    test.skip(testInfo.project.name !== 'desktop', 'keyboard reading is a desktop affair')
    const view = viewer(page)

    await page.goto(ARTICLE)
    const strip = page.getByRole('complementary', { name: `Photos: ${gallery.title}` })
    await strip.getByRole('link', { name: new RegExp(`^Photo 1 of ${COUNT}:`) }).click()
    // A client-side navigation: on a busy machine the page data can take a while.
    await page.waitForURL(photoPath(1))
    await expectPhoto(page, 1)
    await waitForViewer(page, 1)

    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight')
    await expectPhoto(page, 4)
    await expect(page).toHaveTitle(new RegExp(`photo 4 of ${COUNT}`))
    await expect(view.liveRegion).toHaveText(`Photo 4 of ${COUNT}: ${slide(4).caption}`)
    await expect(view.thumbnail(4)).toHaveAttribute('aria-current', 'true')

    await page.keyboard.press('ArrowLeft')
    await expectPhoto(page, 3)
    await expect(page).toHaveTitle(new RegExp(`photo 3 of ${COUNT}`))
    await expect(view.liveRegion).toHaveText(`Photo 3 of ${COUNT}: ${slide(3).caption}`)

    // One Back leaves the gallery: the photos replaced each other in history.
    await page.goBack()
    await page.waitForURL(new RegExp(`${ARTICLE}$`))
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(ARTICLE_TITLE)
  })

  test('the keys stop at the ends of the gallery', async ({ page }, testInfo) => {
    test.skip(testInfo.project.name !== 'desktop', 'keyboard reading is a desktop affair')
    await page.goto(photoUrl(1))
    await waitForViewer(page, 1)
    await page.keyboard.press('ArrowLeft')
    await expectPhoto(page, 1)

    await page.goto(photoUrl(COUNT))
    await waitForViewer(page, COUNT)
    await page.keyboard.press('ArrowRight')
    await expectPhoto(page, COUNT)
  })

  test('thumbnails and "Next →" change the photo in place, without loading a page', async ({
    page,
  }) => {
    const view = viewer(page)
    await page.goto(photoUrl(2))
    await waitForViewer(page, 2)
    await page.evaluate(() => Object.assign(window, { galleryMarker: 'still here' }))
    const marker = () =>
      page.evaluate(() => (window as unknown as { galleryMarker?: string }).galleryMarker)

    await view.thumbnail(9).click()
    await expectPhoto(page, 9)
    await expect(view.thumbnail(9)).toHaveAttribute('aria-current', 'true')
    await expect(view.liveRegion).toHaveText(`Photo 9 of ${COUNT}: ${slide(9).caption}`)
    expect(await marker()).toBe('still here')

    await page
      .getByRole('navigation', { name: 'Photos' })
      .getByRole('link', { name: 'Next →' })
      .click()
    await expectPhoto(page, 10)
    await expect(page).toHaveTitle(new RegExp(`photo 10 of ${COUNT}`))
    expect(await marker()).toBe('still here')
  })

  test('Back from another page returns to the photo the address names', async ({
    page,
  }, testInfo) => {
    test.skip(testInfo.project.name !== 'desktop', 'keyboard reading is a desktop affair')
    await page.goto(photoUrl(2))
    await waitForViewer(page, 2)
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('ArrowRight')
    await expectPhoto(page, 4)

    await page.getByRole('link', { name: `View all ${COUNT} photos` }).click()
    await page.waitForURL(new RegExp(`${GALLERY}$`))
    await page.goBack()
    await expectPhoto(page, 4)
    await expect(page).toHaveTitle(new RegExp(`photo 4 of ${COUNT}`))
    await expect(viewer(page).thumbnail(4)).toHaveAttribute('aria-current', 'true')
  })

  test('the next photo is preloaded at the size the viewer will show it', async ({ page }) => {
    const requested: string[] = []
    page.on('request', (request) => requested.push(request.url()))
    await page.goto(photoUrl(3))

    const current = viewer(page).photo(3)
    await expect(current).toHaveJSProperty('complete', true)
    const currentSrc = await current.evaluate((image: HTMLImageElement) => image.currentSrc)
    const width = new URL(currentSrc).searchParams.get('w')
    expect(width, 'the width the browser chose for the photo').toMatch(/^\d+$/)

    // The reader has not moved: the request for photo 4, at the photo's own width, is the preload.
    const next = encodeURIComponent(slide(4).image)
    await expect
      .poll(() => requested.some((url) => url.includes(`/_next/image?url=${next}&w=${width}&`)), {
        message: `a request for ${slide(4).image} at w=${width}`,
      })
      .toBe(true)
    await expect(page).toHaveURL(photoPath(3))
  })

  test('swiping the photo moves to the next and previous photo', async ({ page }, testInfo) => {
    test.skip(testInfo.project.name !== 'mobile', 'swiping needs a touch screen')
    await page.goto(photoUrl(3))
    await waitForViewer(page, 3)
    const box = await viewer(page).photo(3).boundingBox()
    if (!box) throw new Error('the photo has no box')
    const y = box.y + box.height / 2
    const left = box.x + box.width * 0.2
    const right = box.x + box.width * 0.8

    const cdp = await page.context().newCDPSession(page)
    async function swipe(fromX: number, toX: number) {
      await cdp.send('Input.dispatchTouchEvent', {
        type: 'touchStart',
        touchPoints: [{ x: fromX, y }],
      })
      for (let step = 1; step <= 5; step++) {
        const x = fromX + ((toX - fromX) * step) / 5
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y }] })
      }
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] })
    }

    await swipe(right, left)
    await expectPhoto(page, 4)
    await swipe(left, right)
    await expectPhoto(page, 3)
  })

  test('full screen: a dialog with the photo, click to zoom, Esc to leave', async ({ page }) => {
    await page.goto(photoUrl(3))
    await waitForViewer(page, 3)
    const open = page.getByRole('button', { name: 'Full screen' })
    await open.click()

    const dialog = page.getByRole('dialog', {
      name: new RegExp(`photo 3 of ${COUNT}, full screen`),
    })
    await expect(dialog).toBeVisible()
    const photo = dialog.getByRole('img', { name: slide(3).alt, exact: true })
    await expect(photo).toBeVisible()
    await expect(photo).toHaveAttribute('width', /^[1-9]\d*$/)

    await expect(dialog.getByRole('button', { name: 'Zoom out' })).toHaveCount(0)
    await photo.click()
    await expect(dialog.getByRole('button', { name: 'Zoom out' })).toBeVisible()
    await expect(photo).toHaveClass(/scale-/)
    await photo.click()
    await expect(dialog.getByRole('button', { name: 'Zoom in' })).toBeVisible()
    await expect(photo).not.toHaveClass(/scale-/)

    await page.keyboard.press('Escape')
    await expect(dialog).toBeHidden()
    await expect(open).toBeFocused()
    await expect(page).toHaveURL(photoPath(3))
  })

  test('arrow keys move between photos in full screen', async ({ page }, testInfo) => {
    test.skip(testInfo.project.name !== 'desktop', 'keyboard reading is a desktop affair')
    await page.goto(photoUrl(3))
    await waitForViewer(page, 3)
    await page.getByRole('button', { name: 'Full screen' }).click()
    const dialog = page.getByRole('dialog')
    await expect(dialog.getByRole('img', { name: slide(3).alt, exact: true })).toBeVisible()

    await page.keyboard.press('ArrowRight')
    await expect(dialog.getByRole('img', { name: slide(4).alt, exact: true })).toBeVisible()
    await expect(dialog).toHaveAccessibleName(new RegExp(`photo 4 of ${COUNT}, full screen`))
    await expect(page).toHaveURL(photoPath(4))

    await dialog.getByRole('button', { name: 'Close (Esc)' }).click()
    await expect(dialog).toBeHidden()
    await expectPhoto(page, 4)
  })
})
