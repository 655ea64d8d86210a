/** What `next start` sets up once it starts (instrumentation.ts), besides the workarounds. */
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { markDraining } from './health'

/** How long a stopping server may take to finish the requests it has. */
export const DRAIN_MS = 10_000
/** next.config.js names it as `cacheHandler` when REDIS_URL is set. */
const REDIS_HANDLER = 'lib/server/render-cache/redis-handler.mts'

/**
 * On SIGTERM, GET /api/health answers 503 while Next (its own SIGTERM handler) stops accepting
 * connections and finishes what is in flight; after DRAIN_MS the process exits all the same.
 */
export function drainOnSigterm(): void {
  process.once('SIGTERM', () => {
    markDraining()
    setTimeout(() => process.exit(143), DRAIN_MS).unref()
  })
}

/**
 * Connects the shared render cache now rather than at the first request (Next imports the
 * handler then), so this server hears of revalidations from the start and its health is right.
 */
export async function connectSharedCache(): Promise<void> {
  const handler = pathToFileURL(
    path.resolve(/*turbopackIgnore: true*/ process.cwd(), REDIS_HANDLER),
  )
  // The URL Next imports it by (a file URL of the absolute path), so the same module instance.
  await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ handler.href)
}
