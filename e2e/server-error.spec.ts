/**
 * A server whose content library cannot load at all: a second `next start` of the same build on
 * a copy of the library whose site.yaml has a bad `url`. What the build prerendered is still
 * served; every page rendered on request fails with a 500. Readers (with and without JavaScript)
 * get a whole error page in the first response, and the server log tells the editor which file,
 * line and field to fix. Last, a server whose environment is invalid: it stops at once.
 */
import { spawn } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { expect, test } from './support/test'
import { startSecondServer, type SecondServer } from './support/server'
import { findTags, markupOnly, MODEL_STORY as story } from './support/site'

test.describe.configure({ mode: 'serial' })

const PORT = Number(process.env.E2E_BROKEN_PORT ?? 3109)
/** A server that must not get as far as listening; the port is only asked for. */
const BAD_ENV_PORT = Number(process.env.E2E_BAD_ENV_PORT ?? 3110)
/**
 * A story address no server of this build has rendered: the copy of the build this server runs
 * on may already hold the main server's cached 404 for MISSING_PAGE, which it would serve.
 */
const UNRENDERED = `/tv/never-rendered-${Date.now().toString(36)}`
/** Pages rendered on request. (Titles name them, not the address, which differs per run.) */
const FAILING = [
  ['an unknown story (ISR route)', UNRENDERED],
  ['search (streamed, dynamic)', '/search?q=luke'],
] as const
const HEADING = 'Something went wrong on our side'

let server: SecondServer

test.beforeAll(async () => {
  test.setTimeout(120_000)
  server = await startSecondServer({
    name: 'broken',
    port: PORT,
    prepare: async (dir) => {
      const file = path.join(dir, 'site.yaml')
      const yaml = await readFile(file, 'utf8')
      const broken = yaml.replace(/^url: .*$/m, 'url: marquee.example')
      expect(broken).not.toBe(yaml)
      await writeFile(file, broken)
    },
  })
})

test.afterAll(() => server?.stop())

test.afterEach(async ({}, info) => {
  if (info.status !== info.expectedStatus)
    await info.attach('server log', { body: server.output() })
})

test('the log names the file, line and field that stop the library from loading', async () => {
  await expect
    .poll(() => server.output())
    .toMatch(/site\.yaml:\d+: error: url: expected an absolute http\(s\) URL/)
})

test('what the build prerendered is still served', async ({ request }) => {
  const response = await request.get(`${server.base}${story.url}`)
  expect(response.status()).toBe(200)
  expect(await response.text()).toContain(story.title)
})

for (const [name, url] of FAILING) {
  test(`a 500 is a whole page in the first HTML response: ${name}`, async ({ request }) => {
    const response = await request.get(`${server.base}${url}`)
    expect(response.status()).toBe(500)
    // Never kept by a cache (the nginx front serves its stale copy instead, if it has one).
    expect(response.headers()['cache-control']).toMatch(/no-store/)
    // Next 16 sends an empty `__next_error__` document for a failed render
    // (vercel/next.js#62228); lib/server/next-workarounds/error-documents.ts sends the server error page
    // (lib/server/error-page.ts) instead, whole and static.
    const body = await response.text()
    expect(body).not.toMatch(/<script\b/)
    const html = markupOnly(body)
    expect(html).not.toContain('__next_error__')
    expect(html).toMatch(/<html\b[^>]*\blang="en"/)
    expect(html).toMatch(/<title>Something went wrong<\/title>/)
    expect(html).toMatch(new RegExp(`<h1\\b[^>]*>${HEADING}</h1>`))
    const robots = findTags(html, 'meta').filter((meta) => meta.name === 'robots')
    expect(robots.map((meta) => meta.content)).toEqual(['noindex'])
    // It depends on nothing of the build, which may be what failed: its style is in the page.
    expect(findTags(html, 'style')).toHaveLength(1)
    expect(findTags(html, 'link')).toEqual([])
    const links = findTags(html, 'a').map((a) => a.href)
    // "Try again" is the address itself, a reload that needs no script.
    expect(links).toEqual(['', '/'])
    // A HEAD gets the GET's headers: this page's length, not the empty shell's Next would give.
    const head = await request.head(`${server.base}${url}`)
    expect(head.status()).toBe(500)
    expect(head.headers()['content-type']).toBe(response.headers()['content-type'])
    expect(head.headers()['content-length']).toBe(String(Buffer.byteLength(body)))
  })
}

test('with JavaScript the error page stays put, passes axe, and "Try again" reloads', async ({
  page,
}) => {
  const problems: string[] = []
  page.on('pageerror', (error) => problems.push(error.message))
  page.on('console', (message) => {
    // The browser reports the document's own 500 as a failed resource.
    if (message.type() === 'error' && !message.text().includes('status of 500')) {
      problems.push(message.text())
    }
  })
  const url = `${server.base}${UNRENDERED}`
  expect((await page.goto(url, { waitUntil: 'networkidle' }))?.status()).toBe(500)
  expect(page.url()).toBe(url)
  await expect(page).toHaveTitle('Something went wrong')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(HEADING)
  expect(problems).toEqual([])
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze()
  expect(violations.map((violation) => violation.id)).toEqual([])
  const reload = page.waitForResponse((response) => response.url() === url)
  await page.getByRole('link', { name: 'Try again' }).click()
  expect((await reload).status()).toBe(500)
  expect(page.url()).toBe(url)
  await expect(page.getByRole('link', { name: 'Go to the home page' })).toHaveAttribute('href', '/')
})

test('a client-side navigation to a page that fails ends on the same error page', async ({
  page,
}) => {
  // A page from the build (still served) leading to one that fails: as from a page rendered
  // before the library broke. No bundled link reaches a failing page, so the router is driven
  // directly, through the handle Next puts on window for debugging. Next 16 answers the failed
  // navigation by loading the address whole, which gets the server error page.
  const problems: string[] = []
  page.on('pageerror', (error) => problems.push(error.message))
  await page.goto(`${server.base}${story.category.url}`, { waitUntil: 'networkidle' })
  await page.evaluate((url) => {
    const { next } = window as unknown as { next: { router: { push(href: string): void } } }
    next.router.push(url)
  }, UNRENDERED)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(HEADING)
  await expect(page).toHaveTitle('Something went wrong')
  expect(new URL(page.url()).pathname).toBe(UNRENDERED)
  await expect(page.getByRole('link', { name: 'Try again' })).toHaveAttribute('href', '')
  expect(problems).toEqual([])
})

test('without JavaScript the error page is styled and fits a 360 px screen', async ({
  browser,
}) => {
  const context = await browser.newContext({
    javaScriptEnabled: false,
    viewport: { width: 360, height: 740 },
  })
  try {
    const page = await context.newPage()
    expect((await page.goto(`${server.base}/search?q=luke`))?.status()).toBe(500)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(HEADING)
    // Its own style applies: "Try again" is drawn as a filled button, not a bare link.
    const button = page.getByRole('link', { name: 'Try again' })
    await expect(button).not.toHaveCSS('background-color', 'rgba(0, 0, 0, 0)')
    const box = await button.boundingBox()
    expect(box?.height).toBeGreaterThanOrEqual(44)
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    )
    expect(overflow).toBe(0)
  } finally {
    await context.close()
  }
})

test('an invalid environment variable stops the server, naming it, instead of 500 on every page', async () => {
  // Next 16 logs an error thrown by instrumentation.ts's register() and serves on, every request
  // a 500; instrumentation.ts validates the environment first and exits.
  const server = spawn('npx', ['next', 'start', '-H', '127.0.0.1', '-p', String(BAD_ENV_PORT)], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', REVALIDATE_SECRET: 'too-short' },
    // Its own process group, so a server that does not stop is killed whole (npx and next).
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  server.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  server.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const code = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => {
      if (server.pid) process.kill(-server.pid, 'SIGKILL')
      resolve(null)
    }, 20_000)
    server.on('exit', (exitCode) => {
      clearTimeout(timer)
      resolve(exitCode)
    })
  })
  expect(code, output).toBe(1)
  expect(output).toContain(
    'Marquee cannot start. Invalid environment variables:\n  REVALIDATE_SECRET: must be at least 16 characters',
  )
})
