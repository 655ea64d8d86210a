import {
  test as base,
  expect,
  type BrowserContext,
  type ConsoleMessage,
  type Request,
} from '@playwright/test'
import { CSP_REPORT_PATH } from '../../lib/server/security-headers'

export * from '@playwright/test'
export { expect }

/** What a test sees of the Content-Security-Policy violations in the pages it opens. */
export interface CspGuard {
  /** This test causes violations on purpose: they are recorded but do not fail it. */
  allowViolations(): void
  /** Each violation so far, one line each, marked with how it was seen. */
  violations(): string[]
}

/**
 * Chromium's console line for a violation: "Refused to load …" in older versions, "Loading the
 * image '…' violates the following Content Security Policy directive: …" in Chromium 156.
 */
const CSP_CONSOLE_MESSAGE = /^Refused to |violates the following Content Security Policy directive/

/** The page's way back to the test: a binding Playwright adds to every page of the context. */
const BINDING = '__marqueeCspViolation'

/** Runs in each page before its own scripts (only where JavaScript is on). */
function reportViolations(binding: string) {
  document.addEventListener(
    'securitypolicyviolation',
    (event) => {
      const report = (window as unknown as Record<string, ((line: string) => void) | undefined>)[
        binding
      ]
      const sample = event.sample ? ` sample ${JSON.stringify(event.sample)}` : ''
      report?.(
        `${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'} on ${event.documentURI}${sample}`,
      )
    },
    { capture: true },
  )
}

/**
 * Every test fails on a CSP violation in any browser context it opens (the `page` fixture's or its
 * own `browser.newContext()`), seen three ways: the `securitypolicyviolation` event (JavaScript
 * on), Chromium's console message and the browser's request to the report endpoint. The last
 * two work with JavaScript off too, for what a policy still governs there (images, styles,
 * frames…; no script runs, so none is refused).
 */
export const test = base.extend<{ csp: CspGuard }>({
  csp: [
    async ({ browser }, use) => {
      const seen = new Set<string>()
      let allowed = false
      const record = (line: string) => seen.add(line)
      const onConsole = (message: ConsoleMessage) => {
        if (CSP_CONSOLE_MESSAGE.test(message.text())) record(`console: ${message.text()}`)
      }
      const onRequest = (request: Request) => {
        if (new URL(request.url()).pathname === CSP_REPORT_PATH) {
          record(`report sent to ${CSP_REPORT_PATH}: ${request.postData() ?? ''}`)
        }
      }
      const watched = new Set<BrowserContext>()
      const watch = async (context: BrowserContext) => {
        if (watched.has(context)) return
        watched.add(context)
        context.on('console', onConsole)
        context.on('request', onRequest)
        // Both sent at once, while the context is new: before the test can open a page in it.
        await Promise.all([
          context.exposeBinding(BINDING, (_source, line: string) => record(`event: ${line}`)),
          context.addInitScript(reportViolations, BINDING),
        ])
      }
      const onContext = (context: BrowserContext) => {
        // A context closed before the binding is added (a test's quick one) is no violation.
        watch(context).catch(() => undefined)
      }
      browser.on('context', onContext)
      await Promise.all(browser.contexts().map(watch))

      await use({
        allowViolations: () => {
          allowed = true
        },
        violations: () => [...seen],
      })

      browser.off('context', onContext)
      for (const context of watched) {
        context.off('console', onConsole)
        context.off('request', onRequest)
      }
      if (!allowed) {
        expect([...seen], 'Content-Security-Policy violations in the pages of this test').toEqual(
          [],
        )
      }
    },
    { auto: true },
  ],
})
