import { expect, test } from './support/test'
import { drafts } from './support/content'
import { PREVIEW_SECRET } from './support/secrets'

const draft = drafts[0]!

test.describe('preview with a wrong or missing secret', () => {
  test.skip(({ javaScriptEnabled, isMobile }) => !javaScriptEnabled || isMobile, 'HTTP only')

  const attempts = [
    ['no secret', `/api/preview?path=${draft.url}`],
    ['a wrong secret', `/api/preview?secret=wrong-secret-wrong-secret&path=${draft.url}`],
    [
      'the secret and one more character',
      `/api/preview?secret=${PREVIEW_SECRET}x&path=${draft.url}`,
    ],
  ]
  for (const [what, url] of attempts) {
    test(`${what} answers 401 and reveals nothing`, async ({ request }) => {
      const response = await request.get(url!, { maxRedirects: 0 })
      expect(response.status()).toBe(401)
      expect(response.headers()['set-cookie']).toBeUndefined()
      const body = await response.text()
      expect(body).not.toContain(draft.title)
      expect(body).not.toContain(draft.slug)
    })
  }

  test('a path to another site is refused even with the secret', async ({ request }) => {
    const response = await request.get(
      `/api/preview?secret=${PREVIEW_SECRET}&path=//evil.example/`,
      { maxRedirects: 0 },
    )
    expect(response.status()).toBe(400)
    expect(await response.json()).toMatchObject({
      error: 'invalid_request',
      issues: [{ path: 'path' }],
    })
  })
})

test('an editor previews a draft with a banner, and leaves preview', async ({ page }) => {
  const before = await page.request.get(draft.url)
  expect(before.status()).toBe(404)

  await page.goto(`/api/preview?secret=${PREVIEW_SECRET}&path=${draft.url}`)
  await expect(page).toHaveURL(draft.url)
  await expect(page.getByRole('heading', { level: 1, name: draft.title })).toBeVisible()
  const banner = page.getByRole('region', { name: 'Preview' })
  await expect(banner).toContainText('Drafts and scheduled stories are visible')
  await banner.getByText(/Not yet published \(\d+\)/).click()
  await expect(banner.getByRole('link', { name: draft.title })).toBeVisible()

  await banner.getByRole('button', { name: 'Exit preview' }).click()
  await expect(page).toHaveURL('/')
  await expect(page.getByRole('region', { name: 'Preview' })).toHaveCount(0)
  const after = await page.goto(draft.url)
  expect(after?.status()).toBe(404)
})

test('readers never see a draft: not listed, searched, fed or mapped', async ({ request }) => {
  test.skip(test.info().project.name !== 'desktop', 'HTTP only')
  for (const url of ['/', `/${draft.category}`, '/feed.xml', `/${draft.category}/feed.xml`]) {
    expect(await (await request.get(url)).text(), url).not.toContain(draft.url)
  }
  const sitemaps = await (await request.get('/sitemaps/articles-1.xml')).text()
  expect(sitemaps).not.toContain(draft.slug)
  const search = await (
    await request.get(`/api/search?q=${encodeURIComponent(draft.title)}`)
  ).json()
  expect(JSON.stringify(search)).not.toContain(draft.url)
})
