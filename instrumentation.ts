/**
 * Runs once when a server starts, before it handles requests: the content library is loaded
 * then (from the build's content cache, lib/content/file-cache.ts), not by the first reader.
 * Only in production (`next start`): a build's workers load what they prerender, and in
 * development the pages keep a library of their own (lib/content/process-shared.ts).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NODE_ENV !== 'production') return
  if (process.env.NEXT_PHASE === 'phase-production-build') return
  const { warmLibrary } = await import('./lib/content/library')
  await warmLibrary()
}
