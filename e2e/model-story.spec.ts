import { expect, test } from './support/test'
import {
  findTags,
  markupOnly,
  MODEL_STORY as story,
  onlyInProject,
  unescapeHtml,
} from './support/site'

test.describe('the model story, as a reader sees it', () => {
  test('holds every part of the story', async ({ page }) => {
    const response = await page.goto(story.url)
    expect(response?.status()).toBe(200)
    const article = page
      .getByRole('article')
      .filter({ has: page.getByRole('heading', { level: 1 }) })

    await test.step('headline, byline, dates and reading time', async () => {
      await expect(article.getByRole('heading', { level: 1 })).toHaveText(story.title)

      const bylineLinks = article.locator('a[rel="author"]')
      await expect(bylineLinks).toHaveCount(story.authors.length)
      for (const author of story.authors) {
        await expect(article.getByRole('link', { name: author.name, exact: true })).toHaveAttribute(
          'href',
          author.url,
        )
      }

      const dates = article.locator('header p', { hasText: 'Published' })
      await expect(dates).toBeVisible()
      await expect(dates).toContainText(/Published \w+ \d{1,2}, \d{4}/)
      await expect(dates).toContainText(/Updated \w+ \d{1,2}, \d{4}/)
      await expect(dates).toContainText(/\b\d+ min read\b/)
      const times = dates.locator('time')
      await expect(times.first()).toHaveAttribute('datetime', story.publishedAt)
      await expect(times.nth(1)).toHaveAttribute('datetime', story.updatedAt)
    })

    await test.step('hero image with its size, caption and credit', async () => {
      const hero = article.getByRole('img', { name: story.hero.alt, exact: true })
      await expect(hero).toBeVisible()
      await expect(hero).toHaveAttribute('width', /^[1-9]\d*$/)
      await expect(hero).toHaveAttribute('height', /^[1-9]\d*$/)
      await expect(hero).toHaveJSProperty('complete', true)
      expect(await hero.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0)

      const caption = article
        .locator('figure', { has: page.getByRole('img', { name: story.hero.alt, exact: true }) })
        .locator('figcaption')
      await expect(caption).toBeVisible()
      await expect(caption).toContainText(story.hero.caption)
      await expect(caption).toContainText(story.hero.credit, { ignoreCase: true })
    })

    await test.step('body text and the inline captioned figure', async () => {
      await expect(article.getByText(story.bodyOpening)).toBeVisible()
      await expect(
        article.getByRole('heading', { level: 2, name: 'Harlem as a co-star' }),
      ).toBeVisible()

      const caption = article.locator('figcaption', { hasText: story.inlineCaption })
      await expect(caption).toHaveCount(1)
      const figure = caption.locator('xpath=parent::figure')
      await expect(figure).toHaveCount(1)
      const image = figure.locator('xpath=./img')
      await expect(image).toHaveCount(1)
      await expect(image).toHaveAttribute('alt', /\w/)
      await expect(image).toHaveAttribute('width', /^[1-9]\d*$/)
      await expect(image).toHaveAttribute('height', /^[1-9]\d*$/)
    })

    await test.step('gallery links and the source', async () => {
      await expect(
        article.getByRole('link', { name: story.galleryLink.name, exact: true }),
      ).toHaveAttribute('href', story.galleryLink.url)
      await expect(
        article.getByRole('link', { name: `See all ${story.galleryCount} photos` }),
      ).toHaveAttribute('href', story.galleryLink.url)

      const source = article.getByText(/^Source:/)
      await expect(source).toHaveText(`Source: ${story.source.name}`)
      await expect(source.getByRole('link', { name: story.source.name })).toHaveAttribute(
        'href',
        new RegExp(`^https://(www\\.)?${story.source.host.replace(/\./g, '\\.')}/`),
      )
    })

    await test.step('topic chips', async () => {
      const topics = article.getByRole('navigation', { name: 'Topics' }).getByRole('link')
      await expect(topics).not.toHaveCount(0)
      const hrefs = await topics.evaluateAll((links) => links.map((a) => a.getAttribute('href')))
      for (const href of hrefs) expect(href).toMatch(/^\/topic\/[a-z0-9-]+$/)
      await expect(topics.filter({ hasText: 'Luke Cage' })).toHaveAttribute(
        'href',
        '/topic/luke-cage',
      )
    })

    await test.step('next story and related story', async () => {
      await expect(
        page.getByRole('link', { name: `Next: ${story.next.title}`, exact: true }),
      ).toHaveAttribute('href', story.next.url)

      const related = page.getByRole('complementary', { name: 'Related story' })
      await expect(related.getByRole('link', { name: story.related.name })).toHaveAttribute(
        'href',
        story.related.url,
      )
    })

    await test.step('more in the section', async () => {
      const more = page.getByRole('region', { name: `More in ${story.category.name}` })
      await expect(more).toBeVisible()
      const hrefs = await more
        .getByRole('listitem')
        .getByRole('link')
        .evaluateAll((links) => links.map((a) => a.getAttribute('href')))
      expect(hrefs.length).toBeGreaterThan(0)
      for (const href of hrefs) expect(href).toMatch(/^\/tv\/[a-z0-9-]+$/)
      expect(hrefs).not.toContain(story.url)
      await expect(more.getByRole('link', { name: `All ${story.category.name}` })).toHaveAttribute(
        'href',
        story.category.url,
      )
    })

    await test.step('breadcrumbs', async () => {
      const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' })
      await expect(crumbs.getByRole('link', { name: 'Home' })).toHaveAttribute('href', '/')
      await expect(crumbs.getByRole('link', { name: story.category.name })).toHaveAttribute(
        'href',
        story.category.url,
      )
      await expect(crumbs.locator('[aria-current="page"]')).toHaveText(story.title)
    })
  })

  test('without JavaScript, the "Next:" link opens the next story', async ({ page }) => {
    // With JavaScript the link hands over to continuous reading as it nears the viewport
    // (e2e/continuous-reading.spec.ts); the plain link is what readers without script follow.
    test.skip(test.info().project.use.javaScriptEnabled !== false, 'continuous reading takes over')
    await page.goto(story.url)
    await page.getByRole('link', { name: `Next: ${story.next.title}`, exact: true }).click()
    await expect(page).toHaveURL(story.next.url)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(story.next.title)
  })
})

test.describe('the model story, as a crawler reads it', () => {
  onlyInProject('no-js', 'one HTTP request, the same in every project: runs with the crawler')

  test('the first HTML response holds the whole story', async ({ request }) => {
    const response = await request.get(story.url)
    expect(response.status()).toBe(200)
    expect(response.headers()['content-type']).toContain('text/html')
    const html = markupOnly(await response.text())

    expect(html).toMatch(new RegExp(`<h1\\b[^>]*>${story.title}</h1>`))

    const links = findTags(html, 'a')
    const bylineLinks = links.filter((a) => a.rel?.split(' ').includes('author'))
    expect(bylineLinks.map((a) => a.href)).toEqual(story.authors.map((author) => author.url))

    const hero = findTags(html, 'img').find((img) => img.alt === story.hero.alt)
    expect(hero, 'hero <img> in the HTML').toBeDefined()
    expect(hero?.width).toMatch(/^[1-9]\d*$/)
    expect(hero?.height).toMatch(/^[1-9]\d*$/)
    // The hero is the page's largest paint: phone-sized files by srcset and sizes, fetched
    // first, and preloaded from <head> at the size it is shown. Every other image waits for
    // the reader to scroll near it.
    expect(hero?.srcset).toMatch(/^\/_next\/image\?url=[^ ]+ 360w, /)
    expect(hero?.sizes).toBeTruthy()
    expect(hero?.loading).toBe('eager')
    expect(hero?.fetchpriority).toBe('high')
    const head = (await response.text()).split('</head>')[0] ?? ''
    const preloads = findTags(head, 'link').filter(
      (link) => link.rel === 'preload' && link.as === 'image',
    )
    expect(preloads).toEqual([
      expect.objectContaining({
        imagesrcset: hero?.srcset,
        imagesizes: hero?.sizes,
        fetchpriority: 'high',
      }),
    ])
    const others = findTags(html, 'img').filter((img) => img.alt !== story.hero.alt)
    expect(others.length).toBeGreaterThan(0)
    for (const img of others) expect(img.loading, img.src).toBe('lazy')

    const text = unescapeHtml(html.replace(/<!-- -->/g, ''))
    expect(text).toMatch(new RegExp(`<figcaption\\b[^>]*>${escapeRegExp(story.hero.caption)}`))
    expect(text).toContain(`>${story.galleryLink.name}</a>`)
    expect(links.some((a) => a.href === story.galleryLink.url)).toBe(true)
    expect(text).toContain('Next:')
    expect(text).toContain(story.next.title)
    expect(links.some((a) => a.href === story.next.url)).toBe(true)
    expect(text).toContain(`>${story.source.name}</a>`)
    expect(links.some((a) => a.href?.includes(story.source.host))).toBe(true)

    const related = text.match(/<aside\b[^>]*aria-label="Related story"[^>]*>([\s\S]*?)<\/aside>/)
    expect(related, 'related story teaser in the HTML').not.toBeNull()
    expect(findTags(related?.[1] ?? '', 'a').map((a) => a.href)).toContain(story.related.url)

    expect(text).toMatch(new RegExp(`<h2\\b[^>]*>More in ${story.category.name}</h2>`))
  })
})

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
