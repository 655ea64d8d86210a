import { which } from '../scripts/lib/tools'
import { startTlsFront, type TlsFront } from './support/front'
import { htmlCheckerErrors, structuredDataFailures } from './support/judges'
import { observatoryScan } from './support/observatory'
import { expect, test } from './support/test'

/**
 * Outside judges, all offline: the Nu Html Checker (vnu-jar, on the system's Java),
 * structured-data-testing-tool with its Google presets, and the MDN HTTP Observatory.
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

test('the Nu Html Checker finds no errors on any page type', async ({ request }) => {
  test.slow()
  expect(await htmlCheckerErrors(request, PAGES)).toEqual([])
})

for (const [name, url, schema] of [
  ['an article', '/tv/luke-cage-season-2-set-photos', 'NewsArticle'],
  ['a gallery', '/gallery/luke-cage-season-2-set-photos', 'ImageGallery'],
] as const) {
  test(`structured data on ${name} passes the Google, Twitter and Facebook presets`, async ({
    request,
  }) => {
    const html = await (await request.get(url)).text()
    const failures = await structuredDataFailures(html, schema)
    expect(failures).toEqual([])
  })
}

/** The page types the Observatory grades. */
const OBSERVATORY_PAGES = PAGES.filter(([name]) =>
  ['home', 'article', 'photo', 'hub', 'search', 'not-found'].includes(name),
)

/** The Observatory's tests of headers that `next start` sends by itself (no TLS, no front). */
const HEADER_TESTS = [
  'content-security-policy',
  'x-content-type-options',
  'x-frame-options',
  'referrer-policy',
]

test('the MDN HTTP Observatory passes every header test on each page type of next start', async ({
  baseURL,
}) => {
  test.slow()
  const failures: string[] = []
  for (const [name, url] of OBSERVATORY_PAGES) {
    const { tests } = await observatoryScan(new URL(url, baseURL))
    for (const header of HEADER_TESTS) {
      if (!tests[header]?.pass) failures.push(`${name}: ${header} ${tests[header]?.result}`)
    }
  }
  expect(failures).toEqual([])
})

// Depends on the TLS front (scripts/start-front.ts with TLS_CERT, TLS_KEY and FRONT_TLS_PORT).
test.describe('through the nginx front with TLS', () => {
  const ports = {
    next: Number(process.env.E2E_FRONT_NEXT_PORT ?? 3111),
    http: Number(process.env.E2E_FRONT_HTTP_PORT ?? 3112),
    https: Number(process.env.E2E_FRONT_HTTPS_PORT ?? 3113),
  }
  let front: TlsFront | undefined

  test.beforeAll(async () => {
    // The file's skip above is checked per test, after this hook: without it every project would
    // start a front.
    const { javaScriptEnabled, isMobile } = test.info().project.use
    test.skip(javaScriptEnabled === false || isMobile === true, 'HTTP only')
    test.skip(!which('nginx'), 'nginx is not installed (.ci/run installs it)')
    test.setTimeout(120_000)
    front = await startTlsFront(ports)
  })

  test.afterAll(async () => {
    await front?.stop()
  })

  test('the MDN HTTP Observatory grades each page type A+', async () => {
    test.slow()
    if (!front) throw new Error('the front did not start')
    const grades: string[] = []
    for (const [name, url] of OBSERVATORY_PAGES) {
      const scan = await observatoryScan(new URL(url, front.base), {
        httpPort: front.httpPort,
        trustCertificate: front.certificate,
      })
      const failing = Object.entries(scan.tests)
        .filter(([, result]) => !result.pass)
        .map(([test, result]) => `${test} ${result.result}`)
      grades.push(`${name}: ${scan.grade}${failing.length ? ` (${failing.join(', ')})` : ''}`)
    }
    expect(grades).toEqual(OBSERVATORY_PAGES.map(([name]) => `${name}: A+`))
  })
})
