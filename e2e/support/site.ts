import { expect, test, type Locator, type Page } from '@playwright/test'

/** The model story: every element a Marquee article can have, in one page. */
export const MODEL_STORY = {
  url: '/tv/luke-cage-season-2-set-photos',
  title: 'Luke Cage Season 2 Set Photos Put Luke and Claire Back Together',
  authors: [{ name: 'Dana Okafor', url: '/author/dana-okafor' }],
  publishedAt: '2026-11-20T10:15:00-05:00',
  updatedAt: '2026-11-20T16:40:00-05:00',
  hero: {
    alt: 'Illustration of Luke Cage in a dark hooded sweatshirt walking beside Claire Temple past Harlem brownstones, with film lights and crew members at the kerb behind them.',
    caption: 'Luke and Claire on a Harlem block, as the season 2 shoot pictured them.',
    credit: 'Illustration: Marquee Studio',
  },
  bodyOpening: 'Long before anyone had seen a frame of Luke Cage season 2',
  inlineCaption: 'Cameras and crew on a Harlem block, where much of season 2 was shot on location.',
  galleryLink: {
    name: 'Click Here to See the Luke Cage Set Photos',
    url: '/gallery/luke-cage-season-2-set-photos',
  },
  galleryCount: 12,
  source: { name: 'Daily Mail', host: 'dailymail.co.uk' },
  next: { title: '20 Worst MCU Netflix Episodes Ever', url: '/tv/worst-mcu-netflix-episodes' },
  related: { url: '/tv/saved-by-the-bell-sequel-slater-jessie', name: /Saved by the Bell/ },
  category: { name: 'TV News', url: '/tv' },
} as const

export const MODEL_GALLERY = '/gallery/luke-cage-season-2-set-photos'

/** A URL no page lives at: an unknown story in a real section (the page calls notFound()). */
export const MISSING_PAGE = '/tv/no-such-story-here'

/** A URL no route matches at all: Next serves its prerendered not-found page. */
/** A path that is not valid percent-encoding: no route can read it (lib/server/next-workarounds/error-documents.ts). */
export const BAD_ADDRESS = '/tv/%ff'

export const UNROUTED_PAGE = '/no/such/page/here'

/**
 * Tests that only talk HTTP (or measure one engine's behaviour) need not run once per project:
 * call this at the top of a file or describe block to keep them to one project.
 */
export function onlyInProject(name: string, reason: string) {
  test.beforeEach(() => {
    test.skip(test.info().project.name !== name, reason)
  })
}

/** Tests that need script in the page (axe, theme toggle) skip the JavaScript-off project. */
export function requireJavaScript(reason: string) {
  test.beforeEach(() => {
    test.skip(test.info().project.use.javaScriptEnabled === false, reason)
  })
}

/** The opening tags `<name …>` in an HTML string, with their attributes (values unescaped). */
export function findTags(html: string, name: string): Record<string, string>[] {
  const tags: Record<string, string>[] = []
  for (const match of html.matchAll(new RegExp(`<${name}\\b([^>]*)>`, 'gi'))) {
    const attributes: Record<string, string> = {}
    for (const attribute of (match[1] ?? '').matchAll(/([\w:-]+)(?:\s*=\s*"([^"]*)")?/g)) {
      attributes[attribute[1]!.toLowerCase()] = unescapeHtml(attribute[2] ?? '')
    }
    tags.push(attributes)
  }
  return tags
}

/** Text as React writes it into HTML. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#x27;')
}

export function unescapeHtml(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
}

/**
 * The markup a crawler reads: the HTML without its scripts, so text that only sits in the
 * hydration payload (self.__next_f) doesn't count as being on the page.
 */
export function markupOnly(html: string): string {
  return html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '')
}

/**
 * On a phone the header's sections, search form and theme toggle sit behind its Menu and Search
 * buttons (components/layout/site-header.tsx): open the one named, where it is shown.
 */
export async function openHeaderPanel(page: Page, name: 'Menu' | 'Search') {
  const button = page.getByRole('banner').locator('summary', { hasText: name })
  if (await button.isVisible()) await button.click()
}

/**
 * Starts adding up the page's cumulative layout shift (shifts after input excluded) from its
 * first paint: call before `page.goto`, read with `layoutShift(page)`.
 */
export async function recordLayoutShift(page: Page) {
  await page.addInitScript(() => {
    const state = window as unknown as { cls: number }
    state.cls = 0
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & {
        value: number
        hadRecentInput: boolean
      })[]) {
        if (!entry.hadRecentInput) state.cls += entry.value
      }
    }).observe({ type: 'layout-shift', buffered: true })
  })
}

/** The cumulative layout shift so far (see recordLayoutShift). */
export function layoutShift(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { cls: number }).cls)
}

/**
 * Scrolls each image the page holds now into view and waits until all have loaded, then two
 * frames, so that shifts from late images and their decodes are reported. Images added after
 * (continuous reading appends the next story as the reader nears the end) are not waited for.
 */
export async function loadEveryImage(page: Page, images: Locator): Promise<void> {
  const handles = await images.elementHandles()
  for (const image of handles) await image.scrollIntoViewIfNeeded()
  // Lazy images may take a while on a busy machine.
  await expect
    .poll(
      async () =>
        (
          await Promise.all(
            handles.map((image) => image.evaluate((img) => (img as HTMLImageElement).complete)),
          )
        ).every(Boolean),
      { timeout: 15_000 },
    )
    .toBe(true)
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  )
}
