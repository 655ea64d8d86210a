import { existsSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import tls from 'node:tls'
import { ALL_RESULTS, ALL_TESTS } from '@mdn/mdn-http-observatory/src/constants.js'
import { MINIMUM_SCORE_FOR_EXTRA_CREDIT } from '@mdn/mdn-http-observatory/src/grader/charts.js'
import { getGradeForScore, getScoreModifier } from '@mdn/mdn-http-observatory/src/grader/grader.js'
import { retrieve } from '@mdn/mdn-http-observatory/src/retriever/retriever.js'
import { z } from 'zod'

/**
 * The MDN HTTP Observatory, offline: its published `scan(hostname, options)` ignores `options`
 * (src/scanner/index.js calls `retrieve(hostname)` alone), so ports and path never reach it. This
 * calls the same retriever with them and grades the result the way `scan` does.
 */

/** One of the Observatory's tests on a page: e.g. `content-security-policy`. */
export interface ObservatoryTest {
  pass: boolean
  /** The outcome's code, e.g. `csp-implemented-with-unsafe-inline-in-style-src-only`. */
  result: string
  scoreModifier: number
}

export interface ObservatoryScan {
  grade: string
  score: number
  statusCode: number
  tests: Record<string, ObservatoryTest>
}

export interface ScanOptions {
  /** For an https:// page: the plain-HTTP port whose redirect to HTTPS is graded. */
  httpPort?: number
  /**
   * A certificate (PEM) to trust, such as a test's self-signed one. Untrusted, the Observatory
   * retries without verifying and grades the redirect and HSTS as failed (`*-invalid-cert`).
   */
  trustCertificate?: string
}

const outputSchema = z.object({
  pass: z.boolean().nullable(),
  result: z.string().nullable(),
})

/**
 * Scans one page as https://developer.mozilla.org/en-US/observatory would. An http:// page is
 * scanned as a server without TLS (its https:// attempt goes to the same port and fails), an
 * https:// page with `httpPort` as the site's plain-HTTP side. A 4xx or 5xx page is graded too,
 * where `scan` refuses it.
 */
export async function observatoryScan(
  page: string | URL,
  options: ScanOptions = {},
): Promise<ObservatoryScan> {
  ensureHstsPreloadList()
  if (options.trustCertificate) trustCertificate(options.trustCertificate)
  const url = new URL(page)
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80))
  const https = url.protocol === 'https:'
  const requests = await retrieve(url.hostname, {
    httpPort: https ? (options.httpPort ?? 80) : port,
    httpsPort: port,
    path: `${url.pathname}${url.search}`,
  })
  const response = requests.responses.auto
  if (!response) throw new Error(`the Observatory could not fetch ${url}`)

  const tests: Record<string, ObservatoryTest> = {}
  let testsScore = 100
  let uncurvedScore = 100
  for (const test of ALL_TESTS) {
    const output: unknown = test(requests)
    const name = ALL_RESULTS.find((Result) => output instanceof Result)?.name
    if (!name) throw new Error(`the Observatory's ${test.name} returned an unknown result`)
    const { pass, result } = outputSchema.parse(output)
    const scoreModifier = result ? getScoreModifier(result) : 0
    tests[name] = { pass: pass ?? false, result: result ?? '', scoreModifier }
    testsScore += scoreModifier
    if (scoreModifier < 0) uncurvedScore += scoreModifier
  }
  // As src/scanner/index.js: bonus points count only once the score without them is an A.
  const { grade, score } = getGradeForScore(
    uncurvedScore >= MINIMUM_SCORE_FOR_EXTRA_CREDIT ? testsScore : uncurvedScore,
  )
  return { grade, score, statusCode: response.status, tests }
}

/**
 * The package's postinstall downloads Chromium's HSTS preload list into conf/, which needs the
 * internet (package.json's allowScripts keeps it from running). An empty list is the truth for
 * the loopback hosts the tests scan.
 */
function ensureHstsPreloadList(): void {
  const packageDir = path.dirname(require.resolve('@mdn/mdn-http-observatory/package.json'))
  const file = path.join(packageDir, 'conf', 'hsts-preload.json')
  if (!existsSync(file)) writeFileSync(file, '{}\n')
}

const trusted = new Set<string>()

/** Adds a certificate to this process's default CAs, which the Observatory's HTTPS agent uses. */
function trustCertificate(pem: string): void {
  if (trusted.has(pem)) return
  trusted.add(pem)
  tls.setDefaultCACertificates([...tls.getCACertificates('default'), pem])
}
