/**
 * Live and scheduled publishing on a running production server: a second `next start` of the
 * same build serves a copy of the content library in a temporary CONTENT_DIR, and the tests
 * write Markdown into it while it runs. No rebuild, no restart.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { expect, test, type APIRequestContext } from './support/test'
import { REVALIDATE_SECRET } from './support/secrets'
import { storyMarkdown } from './support/story'
import { startSecondServer, type SecondServer } from './support/server'

test.describe.configure({ mode: 'serial' })

const PORT = Number(process.env.E2E_LIVE_PORT ?? 3108)
/** Pages revalidate every 60 s; a change must show within that, plus one regeneration. */
const WITHIN = 90_000

let server: SecondServer
/** Stands in for the nginx front's cache (scripts/lib/front.test.ts runs the real nginx). */
let frontCache: string
/** The story the clock publishes: written before the server starts, due 30 s later. */
const scheduled = { slug: 'scheduled-by-the-clock', at: new Date(Date.now() + 30_000) }

function article(title: string, publishedAt: Date, body: string) {
  const dek = 'A story written into the library while the server was running.'
  return storyMarkdown({ title, dek, publishedAt, body })
}

const file = (slug: string) => path.join(server.contentDir, 'articles', `${slug}.md`)
const live = (request: APIRequestContext, url: string) => request.get(`${server.base}${url}`)

async function eventually(what: string, check: () => Promise<boolean>, timeout = WITHIN) {
  const start = Date.now()
  await expect.poll(check, { message: what, timeout, intervals: [1_000, 2_000] }).toBe(true)
  return Date.now() - start
}

test.beforeAll(async () => {
  test.setTimeout(120_000)
  frontCache = await mkdtemp(path.join(os.tmpdir(), 'marquee-front-cache-'))
  server = await startSecondServer({
    name: 'live',
    port: PORT,
    env: { REVALIDATE_SECRET, FRONT_CACHE_DIR: frontCache },
    prepare: (dir) =>
      writeFile(
        path.join(dir, 'articles', `${scheduled.slug}.md`),
        article('Scheduled by the Clock', scheduled.at, 'It waited for its time.'),
      ),
  })
})

test.afterAll(async () => {
  await server?.stop()
  if (frontCache) await rm(frontCache, { recursive: true, force: true })
})

test.afterEach(async ({}, info) => {
  if (info.status !== info.expectedStatus)
    await info.attach('server log', { body: server.output() })
})

test('a scheduled story is hidden until its time', async ({ request }) => {
  test.skip(Date.now() >= scheduled.at.getTime() - 5_000, 'its time came before this could run')
  expect((await live(request, `/tv/${scheduled.slug}`)).status()).toBe(404)
  expect(await (await live(request, '/feed.xml')).text()).not.toContain(scheduled.slug)
})

test('a new Markdown file is served within 60 s, then the feed and the home page list it', async ({
  request,
}) => {
  test.setTimeout(WITHIN * 2 + 30_000)
  const slug = 'written-while-running'
  await writeFile(file(slug), article('Written While Running', new Date(), 'Fresh.'))
  const page = await eventually('the new story renders', async () => {
    const response = await live(request, `/tv/${slug}`)
    return response.status() === 200 && (await response.text()).includes('Written While Running')
  })
  expect(page).toBeLessThan(60_000)
  test.info().annotations.push({ type: 'measured', description: `the page: ${page} ms` })
  await eventually('the feed lists it', async () =>
    (await (await live(request, '/feed.xml')).text()).includes(`/tv/${slug}`),
  )
  await eventually('the home page lists it', async () =>
    (await (await live(request, '/')).text()).includes(`/tv/${slug}`),
  )
})

// Before any POST /api/revalidate: this is the clock alone, through the pages' revalidation.
test('a scheduled story appears after its time on its page, home, feed and sitemap', async ({
  request,
}) => {
  test.setTimeout(WITHIN * 3)
  const url = `/tv/${scheduled.slug}`
  const wait = scheduled.at.getTime() - Date.now()
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
  for (const [where, path, needle] of [
    ['its page', url, 'Scheduled by the Clock'],
    ['the home page', '/', url],
    ['the feed', '/feed.xml', url],
    ['the sitemap', '/sitemaps/articles-1.xml', url],
  ]) {
    const took = await eventually(`${where} shows it`, async () => {
      const response = await live(request, path!)
      return response.status() === 200 && (await response.text()).includes(needle!)
    })
    expect(took, where).toBeLessThan(WITHIN)
    test.info().annotations.push({
      type: 'measured',
      description: `${where}: ${Math.round((Date.now() - scheduled.at.getTime()) / 1000)} s after its time`,
    })
  }
})

test('a broken edit keeps the last good version; a broken new file takes nothing down', async ({
  request,
}) => {
  const slug = 'written-while-running'
  const good = await readFile(file(slug), 'utf8')
  await writeFile(file(slug), good.replace('category: tv', 'category: [tv'))
  await writeFile(file('half-written'), '---\ntitle: Half\n---\nNo frontmatter to speak of.\n')
  const revalidated = await request.post(`${server.base}/api/revalidate`, {
    headers: { Authorization: `Bearer ${REVALIDATE_SECRET}` },
  })
  expect(revalidated.status()).toBe(200)
  for (const url of [`/tv/${slug}`, '/', '/tv', '/feed.xml']) {
    const response = await live(request, url)
    expect(response.status(), url).toBe(200)
    if (url !== '/tv') expect(await response.text(), url).toContain(`/tv/${slug}`)
  }
  expect((await live(request, '/tv/half-written')).status()).toBe(404)
  await expect.poll(() => server.output()).toMatch(/articles\/written-while-running\.md:\d+: error/)
  await writeFile(file(slug), good)
  await rm(file('half-written'))
})

test('POST /api/revalidate refreshes at once, and only with the secret', async ({ request }) => {
  const denied = await request.post(`${server.base}/api/revalidate`, {
    headers: { Authorization: 'Bearer not-the-secret-at-all' },
  })
  expect(denied.status()).toBe(401)
  expect((await request.post(`${server.base}/api/revalidate`)).status()).toBe(401)
  expect((await request.get(`${server.base}/api/revalidate`)).status()).toBe(405)

  const slug = 'published-on-demand'
  await writeFile(file(slug), article('Published on Demand', new Date(), 'Now.'))
  // Two pages the front keeps, as nginx lays them out (levels=1:2), and one it is still writing;
  // each begins with nginx's format version (5), which a purge zeroes.
  const stored = ['d/41/5b5d0b06aa2e8a0c6cba1e0e3b4f441d', '7/0e/c3a8e4d2b1f0e9d8c7b6a5f4e3d2c0e7']
  const writing = 'd/41/0000000042'
  const version = async (name: string) =>
    (await readFile(path.join(frontCache, name))).readBigUInt64LE(0)
  for (const name of [...stored, writing]) {
    await mkdir(path.join(frontCache, path.dirname(name)), { recursive: true })
    const file = Buffer.concat([Buffer.from([5, 0, 0, 0, 0, 0, 0, 0]), Buffer.from('\nKEY: …\n')])
    await writeFile(path.join(frontCache, name), file)
  }
  const response = await request.post(`${server.base}/api/revalidate`, {
    headers: { Authorization: `Bearer ${REVALIDATE_SECRET}` },
  })
  expect(response.status()).toBe(200)
  expect(await response.json()).toMatchObject({ revalidated: true, front: { purged: 2 } })
  expect(await Promise.all([...stored, writing].map(version))).toEqual([0n, 0n, 5n])
  // The first request after revalidation may still get the stale copy while it regenerates.
  const took = await eventually(
    'the feed lists it after revalidation',
    async () => (await (await live(request, '/feed.xml')).text()).includes(`/tv/${slug}`),
    10_000,
  )
  expect(took).toBeLessThan(10_000)
})

test('POST /api/revalidate says so when it cannot purge the front cache', async ({ request }) => {
  await rm(frontCache, { recursive: true, force: true })
  const response = await request.post(`${server.base}/api/revalidate`, {
    headers: { Authorization: `Bearer ${REVALIDATE_SECRET}` },
  })
  // Next.js's own copies are refreshed; the front would go on serving its copies.
  expect(response.status()).toBe(500)
  const body = await response.json()
  expect(body).toMatchObject({ revalidated: true })
  expect(body.front.error).toContain(`ENOENT: no such file or directory, scandir '${frontCache}'`)
  await expect
    .poll(() => server.output())
    .toContain("POST /api/revalidate: the front's cache was not purged: ENOENT")
})
