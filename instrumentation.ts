/**
 * Runs once when a server starts, before it handles requests.
 *
 * - Long response strings are written as bytes (lib/server/response-buffers.ts explains why).
 * - A redirect Next renders at run time carries its Location once, not twice
 *   (lib/server/single-headers.ts).
 * - In production (`next start`), a 404 from `notFound()` and a 500 carry the prerendered
 *   not-found page and the server error page instead of Next's empty error shell, and a path
 *   Next cannot decode gets 400 and a page instead of a plain-text 500
 *   (lib/server/error-documents.ts).
 * - In production, every HTML page carries the Content-Security-Policy that lists its own inline
 *   scripts' hashes, worked out once per cached page (lib/server/content-security-policy.ts).
 * - In production, the ISR cache keeps a 404 for an address that never had a page in memory
 *   instead of writing it to disk (lib/server/cache-handler.ts).
 * - In production, an invalid environment variable (lib/env.ts) stops the server with its name
 *   and what is wrong with it.
 * - In production the content library is loaded now, from the build's content cache
 *   (lib/content/speed/file-cache.ts), not by the first reader. A build's workers load what they
 *   prerender, and in development the pages keep a library of their own
 *   (lib/content/process-shared.ts).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  const { endWithBuffers } = await import('./lib/server/response-buffers')
  const { sendSingleHeadersOnce } = await import('./lib/server/single-headers')
  sendSingleHeadersOnce()
  const serving =
    process.env.NODE_ENV === 'production' && process.env.NEXT_PHASE !== 'phase-production-build'
  if (!serving) {
    endWithBuffers()
    return
  }
  const { buildDir, readEnv } = await import('./lib/env')
  let env
  try {
    env = readEnv()
  } catch (error) {
    // Left to Next, the server would go on running and answer every request with a 500.
    console.error(`Marquee cannot start. ${(error as Error).message}`)
    process.exit(1)
  }
  const { errorBody, errorDocuments, errorHead } = await import('./lib/server/error-documents')
  const { documents, missing } = errorDocuments(buildDir(env))
  for (const file of missing) {
    console.warn(
      `Marquee: the build has no ${file}, so a 404 from notFound() is blank without JavaScript.`,
    )
  }
  const { policyForPage } = await import('./lib/server/content-security-policy')
  endWithBuffers({
    rewrite: errorBody(documents),
    head: errorHead(documents),
    policy: policyForPage,
  })
  const { installCacheHandler } = await import('./lib/server/cache-handler')
  installCacheHandler()
  const { warmLibrary } = await import('./lib/content/library')
  await warmLibrary()
}
