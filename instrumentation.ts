/**
 * Runs once when a server starts, before it handles requests.
 *
 * - Long response strings are written as bytes (lib/server/response-buffers.ts explains why).
 * - In production (`next start`) the content library is loaded now, from the build's content
 *   cache (lib/content/file-cache.ts), not by the first reader. A build's workers load what they
 *   prerender, and in development the pages keep a library of their own
 *   (lib/content/process-shared.ts).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  const { endWithBuffers } = await import('./lib/server/response-buffers')
  endWithBuffers()
  if (process.env.NODE_ENV !== 'production') return
  if (process.env.NEXT_PHASE === 'phase-production-build') return
  const { warmLibrary } = await import('./lib/content/library')
  await warmLibrary()
}
