/**
 * Runs once when a server starts, before it handles requests.
 *
 * - Long response strings are written as bytes (lib/server/response-buffers.ts explains why).
 * - In production (`next start`), a 404 from `notFound()` carries the prerendered not-found page
 *   instead of Next's empty error shell (lib/server/not-found-document.ts).
 * - In production the content library is loaded now, from the build's content cache
 *   (lib/content/file-cache.ts), not by the first reader. A build's workers load what they
 *   prerender, and in development the pages keep a library of their own
 *   (lib/content/process-shared.ts).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  const { endWithBuffers } = await import('./lib/server/response-buffers')
  const serving =
    process.env.NODE_ENV === 'production' && process.env.NEXT_PHASE !== 'phase-production-build'
  if (!serving) {
    endWithBuffers()
    return
  }
  const { buildDir } = await import('./lib/env')
  const { notFoundBody, readNotFoundDocument } = await import('./lib/server/not-found-document')
  const dir = buildDir()
  const notFoundPage = readNotFoundDocument(dir)
  if (!notFoundPage) {
    console.warn(
      `Marquee: ${dir} has no prerendered not-found page (server/app/_not-found.html), so a 404 from notFound() is blank without JavaScript.`,
    )
  }
  endWithBuffers(undefined, undefined, notFoundPage ? notFoundBody(notFoundPage) : undefined)
  const { warmLibrary } = await import('./lib/content/library')
  await warmLibrary()
}
