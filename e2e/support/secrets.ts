/** The secrets the test server runs with (playwright.config.ts passes them to `next start`). */
export const PREVIEW_SECRET = 'e2e-preview-secret-0123456789'
export const REVALIDATE_SECRET = 'e2e-revalidate-secret-0123456789'
