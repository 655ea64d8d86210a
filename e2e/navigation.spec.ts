import { expect, test, type Page } from './support/test'
import { categories, drafts, publishedArticles, STORIES_PER_PAGE } from './support/content'
import { escapeHtml, MODEL_STORY as story, onlyInProject, openHeaderPanel } from './support/site'

/** The stories a hub page lists, as the hrefs of their headline links. */
async function listedStories(page: Page) {
  return page
    .getByRole('main')
    .getByRole('article')
    .getByRole('heading')
    .getByRole('link')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href')))
}

test('a reader goes from home to a section, a story and its author, whose page lists the story', async ({
  page,
}) => {
  await page.goto('/')
  await openHeaderPanel(page, 'Menu')
  await page
    .getByRole('navigation', { name: 'Sections', exact: true })
    .getByRole('link', { name: story.category.name, exact: true })
    .click()
  await expect(page).toHaveURL(story.category.url)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(story.category.name)

  await page.getByRole('main').getByRole('link', { name: story.title, exact: true }).click()
  await expect(page).toHaveURL(story.url)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(story.title)

  const author = story.authors[0]
  await page.getByRole('article').getByRole('link', { name: author.name, exact: true }).click()
  await expect(page).toHaveURL(author.url)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(author.name)
  await expect(
    page.getByRole('main').getByRole('link', { name: story.title, exact: true }),
  ).toHaveAttribute('href', story.url)
})

test('the home page gives each section a front: its newest story with a photo, then four headlines', async ({
  page,
}) => {
  await page.goto('/')
  for (const category of categories) {
    await test.step(category.name, async () => {
      const expected = publishedArticles((article) => article.category === category.slug).slice(
        0,
        5,
      )
      const front = page.getByRole('region', { name: category.name, exact: true })
      if (expected.length === 0) {
        await expect(front).toHaveCount(0)
        return
      }
      const headlines = front.getByRole('article').getByRole('heading').getByRole('link')
      expect(
        await headlines.evaluateAll((links) => links.map((a) => a.getAttribute('href'))),
      ).toEqual(expected.map((article) => article.url))
      // One photo: the first story's. The others are headlines, so the home page stays light.
      await expect(front.locator('img')).toHaveCount(1)
      await expect(front.getByRole('article').first().locator('img')).toHaveCount(1)
      await expect(front.getByRole('link', { name: `More in ${category.name}` })).toHaveAttribute(
        'href',
        category.url,
      )
    })
  }
})

test(`category hubs list their published stories, newest first, ${STORIES_PER_PAGE} a page`, async ({
  page,
  request,
}) => {
  for (const category of categories) {
    await test.step(category.url, async () => {
      const expected = publishedArticles((article) => article.category === category.slug)
      const pageCount = Math.max(1, Math.ceil(expected.length / STORIES_PER_PAGE))
      const pagination = page.getByRole('navigation', { name: `${category.name} pages` })

      await page.goto(category.url)
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(category.name)
      expect(await listedStories(page)).toEqual(
        expected.slice(0, STORIES_PER_PAGE).map((article) => article.url),
      )

      if (pageCount === 1) {
        await expect(pagination).toHaveCount(0)
      } else {
        await expect(pagination.getByRole('link', { name: 'Page 2' })).toHaveAttribute(
          'href',
          `${category.url}/page/2`,
        )
        await pagination.getByRole('link', { name: 'Older' }).click()
        await expect(page).toHaveURL(`${category.url}/page/2`)
        expect(await listedStories(page)).toEqual(
          expected.slice(STORIES_PER_PAGE, 2 * STORIES_PER_PAGE).map((article) => article.url),
        )
        await expect(pagination.locator('[aria-current="page"]')).toHaveText('2')
      }

      // The page after the last one is not a page.
      const pastTheEnd = await request.get(`${category.url}/page/${pageCount + 1}`, {
        maxRedirects: 0,
      })
      expect(pastTheEnd.status()).toBe(404)
    })
  }
})

test.describe('drafts', () => {
  onlyInProject('desktop', 'reads server HTML only: the same in every project')

  test('the content library has a draft to check', () => {
    expect(drafts.length).toBeGreaterThan(0)
  })

  for (const draft of drafts) {
    const pages = [
      '/',
      `/${draft.category}`,
      ...draft.authors.map((author) => `/author/${author}`),
      ...draft.topics.map((topic) => `/topic/${topic}`),
      story.url,
    ]

    test(`the draft "${draft.slug}" is listed nowhere`, async ({ request }) => {
      for (const url of pages) {
        const response = await request.get(url)
        expect(response.status(), url).toBe(200)
        const html = await response.text()
        // The page lists stories (so the check means something), none of them the draft,
        // neither in the markup nor in the hydration payload.
        expect(html, url).toMatch(/<article\b/)
        expect(html, url).not.toContain(draft.slug)
        expect(html, url).not.toContain(draft.title)
        expect(html, url).not.toContain(escapeHtml(draft.title))
      }
    })
  }
})
