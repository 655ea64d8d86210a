import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { APIRequestContext } from '@playwright/test'
import { structuredDataTest } from 'structured-data-testing-tool'
import { Facebook, Google, Twitter } from 'structured-data-testing-tool/presets'
import vnuJar from 'vnu-jar'

interface VnuMessage {
  type: string
  url: string
  message: string
  extract?: string
}

/**
 * The Nu Html Checker's errors (vnu-jar, on the system's Java) on each named page, fetched as a
 * crawler gets it, as "name.html: message extract" lines; all pages in one run of the checker.
 */
export async function htmlCheckerErrors(
  request: APIRequestContext,
  pages: readonly (readonly [name: string, url: string, ...rest: unknown[]])[],
): Promise<string[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'marquee-vnu-'))
  try {
    const files = []
    for (const [name, url] of pages) {
      const file = path.join(dir, `${name}.html`)
      writeFileSync(file, await (await request.get(url)).text())
      files.push(file)
    }
    const run = spawnSync('java', ['-jar', vnuJar, '--errors-only', '--format', 'json', ...files], {
      encoding: 'utf8',
    })
    if (run.error) throw new Error(`java must be installed (.ci/run installs it): ${run.error}`)
    const { messages } = JSON.parse(run.stderr || run.stdout) as { messages: VnuMessage[] }
    return messages
      .filter((message) => message.type === 'error')
      .map(
        (message) => `${path.basename(message.url)}: ${message.message} ${message.extract ?? ''}`,
      )
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

interface SdttFailure {
  description: string
  error?: { message?: string }
}

/**
 * What structured-data-testing-tool's Google, Twitter and Facebook presets find wrong with a
 * page's HTML, expecting its JSON-LD to hold `schema` and a BreadcrumbList.
 */
export function structuredDataFailures(html: string, schema: string): Promise<string[]> {
  return structuredDataTest(html, {
    presets: [Google, Twitter, Facebook],
    schemas: [schema, 'BreadcrumbList'],
  }).then(
    () => [],
    (error: { type?: string; res?: { failed: SdttFailure[] } }) => {
      if (error.type !== 'VALIDATION_FAILED' || !error.res) throw error
      return error.res.failed.map((failure) => `${failure.description}: ${failure.error?.message}`)
    },
  )
}
