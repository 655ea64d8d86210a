// Workaround: Next writes every ISR 404 to disk and never deletes it (vercel/next.js#73101). Measured on Next.js 16.4.6, Node.js 20.20 and 26.12.
/**
 * Next's own ISR cache (memory, then files in the build folder), except that a 404 for an
 * address that never had a page stays in memory and is not written to disk.
 *
 * Next 16 writes every response of an ISR route to disk, a `notFound()` included: each unknown
 * story, section, author, topic or gallery address a reader, a broken link or a bot asks for
 * leaves 8 files under `server/route-cache` (.html, .rsc, .meta and segments; 85 KB for a story),
 * which nothing ever deletes (vercel/next.js#73101, open; #96581). Requests for random addresses
 * could fill the disk. Here such a 404 is kept in the in-memory cache (an LRU bounded by
 * `cacheMaxMemorySize`), so a repeat is still served from the cache.
 *
 * A 404 is still written when the address had a page: one the build prerendered, or one with an
 * entry on disk already (a story deleted since). Otherwise, after a restart, the old page would
 * be read back from disk in place of the 404.
 *
 * Everything else is Next's FileSystemCache, unchanged: an internal module of the Next version
 * this repository pins, which cache-handler.test.ts runs this class against. `next start` gets it
 * from instrumentation.ts (`installCacheHandler`), not from next.config.js's `cacheHandler`,
 * which takes a path to plain JavaScript that Next imports again on every request; `next build`
 * keeps Next's own, so the prerendered 404 page is written as always.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import FileSystemCache from 'next/dist/server/lib/incremental-cache/file-system-cache'
import { normalizePagePath } from 'next/dist/shared/lib/page-path/normalize-page-path'

/** What a response cache key looks like: `/route-cache/<kind>/<route hash>/$<page path>`. */
const RESPONSE_KEY = /^\/route-cache\/(APP_PAGE|APP_ROUTE)\/[0-9a-f]{64}\/\$(\/.*)$/

/** The members of FileSystemCache this class uses, which its type declares private. */
interface Internals {
  flushToDisk?: boolean
  serverDistDir: string
  getFilePath(key: string, kind: 'APP_PAGE' | 'APP_ROUTE'): string
}

/** Build folder → the page paths it prerendered. */
const prerenderedByBuild = new Map<string, Set<string>>()

/**
 * The paths `next build` prerendered (its prerender-manifest.json), as the page paths that keys
 * end with (`/` is `/index`).
 */
function prerendered(serverDistDir: string): Set<string> {
  let paths = prerenderedByBuild.get(serverDistDir)
  if (!paths) {
    const file = path.join(serverDistDir, '..', 'prerender-manifest.json')
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as { routes?: Record<string, unknown> }
    paths = new Set(Object.keys(manifest.routes ?? {}).map(normalizePagePath))
    prerenderedByBuild.set(serverDistDir, paths)
  }
  return paths
}

type SetArgs = Parameters<FileSystemCache['set']>

export class MarqueeCache extends FileSystemCache {
  override set(...[key, data, ctx]: SetArgs): Promise<void> {
    const self = this as unknown as Internals
    if (!self.flushToDisk || !this.isNewNotFound(key, data)) return super.set(key, data, ctx)
    // FileSystemCache.set puts the entry in memory, then returns before any file is written
    // when flushToDisk is off; it reads the flag before its first await.
    self.flushToDisk = false
    try {
      return super.set(key, data, ctx)
    } finally {
      self.flushToDisk = true
    }
  }

  /**
   * A 404 page or route response for an address that has no page on disk and was not
   * prerendered. Anything not recognised is written as Next would.
   */
  private isNewNotFound(key: string, data: SetArgs[1]): boolean {
    if (!data || !('status' in data) || data.status !== 404) return false
    const match = RESPONSE_KEY.exec(key)
    const kind = match?.[1] as 'APP_PAGE' | 'APP_ROUTE' | undefined
    if (!match || !kind || data.kind !== kind) return false
    const { serverDistDir, getFilePath } = this as unknown as Internals
    if (prerendered(serverDistDir).has(match[2] ?? '')) return false
    // The .meta file sits beside every entry's body (.html or .body).
    return !existsSync(getFilePath.call(this, `${key}.meta`, kind))
  }
}

/**
 * Makes MarqueeCache the ISR cache of every route this process serves: Next takes a handler
 * class from this global when next.config.js names none (incremental-cache/index.js).
 */
export function installCacheHandler(): void {
  const global = globalThis as { [key: symbol]: unknown }
  const slot = Symbol.for('@next/cache-handlers')
  global[slot] = { ...(global[slot] as object | undefined), FetchCache: MarqueeCache }
}
