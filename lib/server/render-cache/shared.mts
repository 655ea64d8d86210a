/**
 * What the Redis render cache (redis-handler.mts) shares with the rest of the server. Next imports
 * that handler itself, outside the bundle, so the bundled routes and instrumentation.ts reach it
 * through this global rather than by importing it (which would make a second Redis client).
 */

/** The shared render cache of this process, when `REDIS_URL` is set. */
export interface SharedRenderCache {
  /** The Redis URL, without its password. */
  url: string
  /** Whether Redis answers now. */
  ready(): boolean
  /** Tells every other server that the library changed (POST /api/revalidate). */
  publishRevalidate(): Promise<void>
  /** Runs `listener` when another server published a revalidation. */
  onRevalidate(listener: () => void): void
}

export const SHARED_RENDER_CACHE = Symbol.for('marquee:render-cache')

export function sharedRenderCache(): SharedRenderCache | undefined {
  return (globalThis as { [key: symbol]: unknown })[SHARED_RENDER_CACHE] as
    SharedRenderCache | undefined
}

/** The revision of the library this process serves (lib/content/library.ts, libraryRevision). */
export function servedRevision(): number | undefined {
  const library = (globalThis as { [key: symbol]: unknown })[Symbol.for('marquee:library')] as
    { revision?: () => number | undefined } | undefined
  return library?.revision?.()
}

/** Makes this process look at its library's files at once (lib/content/library.ts). */
export function checkLibraryNow(): void {
  const library = (globalThis as { [key: symbol]: unknown })[Symbol.for('marquee:library')] as
    { checkForChangesNow?: () => void } | undefined
  library?.checkForChangesNow?.()
}
