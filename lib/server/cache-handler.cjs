// @ts-check
/**
 * Next's own ISR cache (memory, then files in the build folder), except that a 404 for an
 * address that never had a page stays in memory and is not written to disk.
 *
 * Next 16 writes every response of an ISR route to disk, a `notFound()` included: each unknown
 * story, section, author, topic or gallery address a reader, a broken link or a bot asks for
 * leaves 8 files under `server/route-cache` (.html, .rsc, .meta and segments; 85 KB for a story),
 * which nothing ever deletes (vercel/next.js#73101, open; #96581). Requests for random addresses
 * could fill the disk. Here such a 404 is kept in Next's in-memory cache (an LRU bounded by
 * `cacheMaxMemorySize`), so a repeat is still served from the cache.
 *
 * A 404 is still written when the address had a page: one the build prerendered, or one with an
 * entry on disk already (a story since deleted). Otherwise, after a restart, the old page would
 * be read back from disk in place of the 404.
 *
 * Everything else is Next's FileSystemCache, unchanged. It is an internal module of the Next
 * version this repository pins; lib/server/cache-handler.test.ts runs this class against it.
 */
const { existsSync, readFileSync } = require('node:fs')
const path = require('node:path')
const FileSystemCache = require('next/dist/server/lib/incremental-cache/file-system-cache').default
const { normalizePagePath } = require('next/dist/shared/lib/page-path/normalize-page-path')

/** What a response cache key looks like: `/route-cache/<kind>/<route hash>/$<page path>`. */
const RESPONSE_KEY = /^\/route-cache\/(APP_PAGE|APP_ROUTE)\/[0-9a-f]{64}\/\$(\/.*)$/

/** @type {Map<string, Set<string>>} build folder → the page paths it prerendered */
const prerenderedByBuild = new Map()

/**
 * The paths `next build` prerendered (its prerender-manifest.json), as the page paths that keys
 * end with (`/` is `/index`).
 * @param {string} serverDistDir
 * @returns {Set<string>}
 */
function prerendered(serverDistDir) {
  let paths = prerenderedByBuild.get(serverDistDir)
  if (!paths) {
    const file = path.join(serverDistDir, '..', 'prerender-manifest.json')
    /** @type {{ routes?: Record<string, unknown> }} */
    const manifest = JSON.parse(readFileSync(file, 'utf8'))
    paths = new Set(Object.keys(manifest.routes ?? {}).map(normalizePagePath))
    prerenderedByBuild.set(serverDistDir, paths)
  }
  return paths
}

class MarqueeCache extends FileSystemCache {
  /**
   * @param {string} key
   * @param {any} data
   * @param {any} ctx
   */
  set(key, data, ctx) {
    if (!this.flushToDisk || !this.isNewNotFound(key, data)) return super.set(key, data, ctx)
    // FileSystemCache.set puts the entry in memory, then returns before any file is written
    // when flushToDisk is off; it reads the flag before its first await.
    this.flushToDisk = false
    try {
      return super.set(key, data, ctx)
    } finally {
      this.flushToDisk = true
    }
  }

  /**
   * A 404 page or route response for an address that has no page on disk and was not
   * prerendered. Anything not recognised is written as Next would.
   * @param {string} key
   * @param {any} data
   */
  isNewNotFound(key, data) {
    if (data?.status !== 404 || process.env.NEXT_PHASE === 'phase-production-build') return false
    const match = RESPONSE_KEY.exec(key)
    if (!match || data.kind !== match[1]) return false
    const kind = /** @type {'APP_PAGE' | 'APP_ROUTE'} */ (match[1])
    if (prerendered(this.serverDistDir).has(/** @type {string} */ (match[2]))) return false
    // The .meta file sits beside every entry's body (.html or .body).
    return !existsSync(this.getFilePath(`${key}.meta`, kind))
  }
}

module.exports = MarqueeCache
