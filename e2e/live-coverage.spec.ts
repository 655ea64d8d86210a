import { appendFile, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { expect, test } from './support/test'
import { layoutShift, recordLayoutShift } from './support/site'
import { startSecondServer, type SecondServer } from './support/server'

/**
 * An editor appends an entry to a live story's file on a running server: a reader who has the
 * page open is offered it within 60 s (the island checks every 30 s), and it is inserted on a
 * press without shifting the page (CLS 0).
 */
const PORT = Number(process.env.E2E_LIVE_COVERAGE_PORT ?? 3114)
const SAMPLE = 'emmys-2026-red-carpet-live'
/** A story of its own: the build prerendered the sample as it is, ended. */
const SLUG = 'awards-night-still-live'

let server: SecondServer

test.beforeAll(async () => {
  test.setTimeout(120_000)
  server = await startSecondServer({
    name: 'live-coverage',
    port: PORT,
    // The sample story without its end: coverage still open.
    prepare: async (dir) => {
      const text = await readFile(path.join(dir, 'articles', `${SAMPLE}.md`), 'utf8')
      await writeFile(path.join(dir, 'articles', `${SLUG}.md`), text.replace(/^ {2}end: .*\n/m, ''))
    },
  })
})

test.afterAll(async () => {
  await server?.stop()
})

test.afterEach(async ({}, info) => {
  if (info.status !== info.expectedStatus)
    await info.attach('server log', { body: server.output() })
})

test('an appended entry is offered within 60 s and inserted without a layout shift', async ({
  page,
}) => {
  test.setTimeout(120_000)
  await recordLayoutShift(page)
  await page.goto(`${server.base}/tv/${SLUG}`, { waitUntil: 'networkidle' })
  await expect(page.locator('article header').getByText('Live', { exact: true })).toBeVisible()
  const updates = page.getByRole('region', { name: 'All updates' })
  await updates.scrollIntoViewIfNeeded()

  const at = new Date().toISOString().replace(/\.\d{3}Z$/, '+00:00')
  const appended = Date.now()
  await appendFile(
    path.join(server.contentDir, 'articles', `${SLUG}.md`),
    `\n:::update{at="${at}" title="Appended while running"}\nThe winners' room is open; our artists are back at their desks.\n:::\n`,
  )

  const offer = page.getByRole('button', { name: '1 new update' })
  await expect(offer).toBeVisible({ timeout: 60_000 })
  const waited = Date.now() - appended
  test.info().annotations.push({ type: 'measured', description: `offered after ${waited} ms` })
  expect(waited).toBeLessThan(60_000)
  await expect(page.getByRole('status').filter({ hasText: '1 new update' })).toBeAttached()

  await offer.click()
  const entry = page.locator(`li[id="update-${Date.parse(at) / 1000}"]`)
  await expect(entry.getByRole('heading', { name: 'Appended while running' })).toBeVisible()
  await expect(offer).toHaveCount(0)
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  )
  expect(await layoutShift(page)).toBe(0)
})
