import { CSP_REPORT_PATH } from '../lib/server/security-headers'
import { MODEL_STORY } from './support/site'
import { expect, test } from './support/test'

test.describe('a script the policy does not list', () => {
  test.skip(({ javaScriptEnabled }) => !javaScriptEnabled, 'needs JavaScript to add a script')

  test('is refused, and the browser reports it to the site', async ({ page, csp }) => {
    csp.allowViolations()
    const response = await page.goto(MODEL_STORY.url)
    const policy = response?.headers()['content-security-policy']
    expect(policy, 'the article sends a Content-Security-Policy header').toBeDefined()
    expect(policy).toContain(`report-uri ${CSP_REPORT_PATH}`)
    await expect(page.getByRole('heading', { level: 1, name: MODEL_STORY.title })).toBeVisible()
    expect(csp.violations(), 'the page itself breaks no rule of its policy').toEqual([])

    const report = page.waitForResponse((answer) => answer.url().endsWith(CSP_REPORT_PATH))
    const ran = await page.evaluate(() => {
      const script = document.createElement('script')
      script.textContent = 'document.documentElement.dataset.injected = "ran"'
      document.body.append(script)
      return document.documentElement.dataset.injected === 'ran'
    })
    expect(ran, 'the injected script ran').toBe(false)
    expect((await report).status(), 'the report endpoint accepts the browser report').toBe(204)
    await expect
      .poll(() => csp.violations())
      .toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^event: script-src-elem blocked inline on /),
          expect.stringMatching(/^console: .*inline script/),
          expect.stringMatching(/^report sent to .*"blocked-uri":"inline"/),
        ]),
      )
  })
})

test.describe(`POST ${CSP_REPORT_PATH}`, () => {
  test.skip(({ javaScriptEnabled, isMobile }) => !javaScriptEnabled || isMobile, 'HTTP only')

  const report = {
    'csp-report': {
      'document-uri': `http://127.0.0.1${MODEL_STORY.url}`,
      'violated-directive': 'script-src-elem',
      'effective-directive': 'script-src-elem',
      'blocked-uri': 'inline',
      disposition: 'enforce',
    },
  }
  const post = (data: string, contentType = 'application/csp-report') => ({
    data,
    headers: { 'content-type': contentType },
  })

  test('answers a report with 204', async ({ request }) => {
    const response = await request.post(CSP_REPORT_PATH, post(JSON.stringify(report)))
    expect(response.status()).toBe(204)
  })

  for (const [what, data, contentType, status] of [
    ['a wrong Content-Type', JSON.stringify(report), 'text/plain', 400],
    ['a body that is not JSON', '{"csp-report":', 'application/csp-report', 400],
    ['JSON that is not a report', '{"csp-report":{}}', 'application/csp-report', 400],
    ['a body over 16 KB', 'x'.repeat(17_000), 'application/csp-report', 413],
  ] as const) {
    test(`answers ${what} with ${status} and the JSON error body`, async ({ request }) => {
      const response = await request.post(CSP_REPORT_PATH, post(data, contentType))
      expect(response.status()).toBe(status)
      expect(await response.json()).toMatchObject({ error: 'invalid_request' })
    })
  }
})
