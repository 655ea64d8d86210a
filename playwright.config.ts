import { defineConfig, devices } from '@playwright/test'
import { PREVIEW_SECRET, REVALIDATE_SECRET } from './e2e/support/secrets'

const port = Number(process.env.E2E_PORT ?? 3107)
const baseURL = `http://127.0.0.1:${port}`

/** Debian's Chromium: no browser download is possible (or wanted) on these machines. */
const launchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
}

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: { baseURL, trace: 'retain-on-failure', launchOptions },
  projects: [
    {
      name: 'desktop',
      testIgnore:
        /crawler-head|live-publishing|live-coverage|server-error|front\.spec|cluster\.spec/,
      use: { ...devices['Desktop Chrome'], launchOptions },
    },
    {
      name: 'mobile',
      testIgnore:
        /crawler-head|live-publishing|live-coverage|server-error|front\.spec|cluster\.spec/,
      use: { ...devices['Pixel 7'], launchOptions },
    },
    {
      name: 'no-js',
      testIgnore:
        /crawler-head|live-publishing|live-coverage|server-error|front\.spec|cluster\.spec/,
      use: { ...devices['Desktop Chrome'], javaScriptEnabled: false, launchOptions },
    },
    {
      // What a search engine's first fetch sees: no JavaScript, Googlebot's user agent.
      name: 'crawler',
      testMatch: /crawler-head\.spec\.ts/,
      use: {
        ...devices['Desktop Chrome'],
        javaScriptEnabled: false,
        userAgent: 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
        launchOptions,
      },
    },
    {
      // Second servers of the same build on temporary content libraries (e2e/support/server.ts):
      // ones edited while they run, one that cannot load its library.
      name: 'live',
      testMatch: /(live-publishing|live-coverage|server-error)\.spec\.ts/,
      use: { ...devices['Desktop Chrome'], launchOptions },
    },
    {
      // The nginx front under a 30 s flood (e2e/front.spec.ts): after every other project, so
      // that it slows no other test and no other test's load enters its measurement. Alone:
      // `npx playwright test --project=front --no-deps`.
      name: 'front',
      testMatch: /front\.spec\.ts/,
      dependencies: ['desktop', 'mobile', 'no-js', 'crawler', 'live'],
    },
    {
      // Three instances behind the front on one Redis (e2e/cluster.spec.ts), under load: last.
      // Alone: `npx playwright test --project=cluster --no-deps`.
      name: 'cluster',
      testMatch: /cluster\.spec\.ts/,
      dependencies: ['front'],
    },
  ],
  // The production build under test: `npm test` runs `next build` first.
  webServer: {
    command: `npx next start -H 127.0.0.1 -p ${port}`,
    url: baseURL,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
    env: { NEXT_TELEMETRY_DISABLED: '1', PREVIEW_SECRET, REVALIDATE_SECRET },
  },
})
