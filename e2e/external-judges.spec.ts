import { expect, test } from '@playwright/test'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { structuredDataTest } from 'structured-data-testing-tool'
import { Facebook, Google, Twitter } from 'structured-data-testing-tool/presets'
import vnuJar from 'vnu-jar'

/**
 * Outside judges, all offline: the Nu Html Checker (vnu-jar, on the system's Java) and
 * structured-data-testing-tool with its Google presets.
 */
test.skip(({ javaScriptEnabled, isMobile }) => !javaScriptEnabled || isMobile, 'HTTP only')

const PAGES = [
  ['home', '/'],
  ['article', '/tv/luke-cage-season-2-set-photos'],
  ['gallery', '/gallery/luke-cage-season-2-set-photos'],
  ['photo', '/gallery/luke-cage-season-2-set-photos/3'],
  ['hub', '/tv'],
  ['topic', '/topic/luke-cage'],
  ['author', '/author/dana-okafor'],
  ['search', '/search?q=luke'],
  ['not-found', '/no/such/page'],
] as const

interface VnuMessage {
  type: string
  url: string
  message: string
  extract?: string
}

test('the Nu Html Checker finds no errors on any page type', async ({ request }) => {
  test.slow()
  const dir = mkdtempSync(path.join(os.tmpdir(), 'marquee-vnu-'))
  try {
    const files = []
    for (const [name, url] of PAGES) {
      const file = path.join(dir, `${name}.html`)
      writeFileSync(file, await (await request.get(url)).text())
      files.push(file)
    }
    const run = spawnSync('java', ['-jar', vnuJar, '--errors-only', '--format', 'json', ...files], {
      encoding: 'utf8',
    })
    expect(run.error, 'java must be installed (.ci/run installs it)').toBeUndefined()
    const { messages } = JSON.parse(run.stderr || run.stdout) as { messages: VnuMessage[] }
    const errors = messages
      .filter((message) => message.type === 'error')
      .map(
        (message) => `${path.basename(message.url)}: ${message.message} ${message.extract ?? ''}`,
      )
    expect(errors).toEqual([])
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})

interface SdttFailure {
  description: string
  error?: { message?: string }
}

for (const [name, url, schema] of [
  ['an article', '/tv/luke-cage-season-2-set-photos', 'NewsArticle'],
  ['a gallery', '/gallery/luke-cage-season-2-set-photos', 'ImageGallery'],
] as const) {
  test(`structured data on ${name} passes the Google, Twitter and Facebook presets`, async ({
    request,
  }) => {
    const html = await (await request.get(url)).text()
    const failures = await structuredDataTest(html, {
      presets: [Google, Twitter, Facebook],
      schemas: [schema, 'BreadcrumbList'],
    }).then(
      () => [] as string[],
      (error: { type?: string; res?: { failed: SdttFailure[] } }) => {
        if (error.type !== 'VALIDATION_FAILED' || !error.res) throw error
        return error.res.failed.map(
          (failure) => `${failure.description}: ${failure.error?.message}`,
        )
      },
    )
    expect(failures).toEqual([])
  })
}
