/**
 * Runs once when a server starts, before it handles requests.
 *
 * - The patches of Next.js internals, all from lib/server/next-workarounds/ (its index says what
 *   each does), on the Next.js release they were written for only. Under `next start` they give
 *   each cached page its Content-Security-Policy (lib/server/content-security-policy.ts).
 * - In production, an invalid environment variable (lib/env.ts) stops the server with its name
 *   and what is wrong with it.
 * - In production the content library is loaded now, from the build's content cache
 *   (lib/content/speed/file-cache.ts), not by the first reader. A build's workers load what they
 *   prerender, and in development the pages keep a library of their own
 *   (lib/content/process-shared.ts).
 * - With REDIS_URL, the shared render cache connects now (Next would load it at the first
 *   request), so this server hears of revalidations from the start (lib/server/render-cache/).
 * - On SIGTERM, GET /api/health answers 503 while Next stops accepting connections and finishes
 *   what is in flight; after 10 s the process exits all the same.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  const serving =
    process.env.NODE_ENV === 'production' && process.env.NEXT_PHASE !== 'phase-production-build'
  const { installWorkarounds } = await import('./lib/server/next-workarounds')
  if (!serving) {
    await installWorkarounds({ serving })
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
  const { policyForPage } = await import('./lib/server/content-security-policy')
  await installWorkarounds({ serving, buildDir: buildDir(env), policy: policyForPage })
  const { drainOnSigterm, connectSharedCache } = await import('./lib/server/lifecycle')
  drainOnSigterm()
  if (env.REDIS_URL) await connectSharedCache()
  const { warmLibrary } = await import('./lib/content/library')
  await warmLibrary()
}
