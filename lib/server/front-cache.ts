import { open, readdir } from 'node:fs/promises'
import path from 'node:path'

/**
 * The name of a response in nginx's cache folder: the MD5 of its cache key, in hex. A response
 * nginx is still writing sits beside it under a temporary, numbered name (`use_temp_path=off`),
 * and is left alone.
 */
const CACHE_FILE = /^[0-9a-f]{32}$/

/**
 * What a cache file begins with: nginx's cache format version, a native `ngx_uint_t` (5 since
 * nginx 1.7.3). Written over with zeros, it names no version nginx has.
 */
const NO_VERSION = Buffer.alloc(8)

/** Files open at once: a cache can hold tens of thousands. */
const OPEN_AT_ONCE = 64

/**
 * Purges the nginx front's cache (ops/nginx/marquee.conf, `proxy_cache_path … levels=1:2`): the
 * next request for each stored page goes to Next.js, and nginx stores that answer in its place.
 * Open-source nginx has no purge of its own.
 *
 * Each stored response's format version is overwritten: nginx takes a file of another version
 * for a miss and says so only at `info` level, and its cache manager still finds the file to
 * delete when the entry expires. Deleting the files instead works as well at first, but each
 * entry nobody asks for again then logs `[crit] unlink() … failed (2: No such file or
 * directory)` when it expires (README, "Publishing behind the front"). A response being sent is not disturbed: nginx has read
 * its header already and sends the body, which begins further on.
 *
 * Returns how many responses were purged. A folder that does not exist or cannot be read is an
 * error: the front would go on serving what it has.
 */
export async function purgeFrontCache(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  const files = entries
    .filter((entry) => entry.isFile() && CACHE_FILE.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
  let purged = 0
  for (let start = 0; start < files.length; start += OPEN_AT_ONCE) {
    const done = await Promise.all(files.slice(start, start + OPEN_AT_ONCE).map(expire))
    purged += done.filter(Boolean).length
  }
  return purged
}

/** False when nginx's cache manager removed the file first. */
async function expire(file: string): Promise<boolean> {
  let handle
  try {
    handle = await open(file, 'r+')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false
    throw error
  }
  try {
    await handle.write(NO_VERSION, 0, NO_VERSION.length, 0)
    return true
  } finally {
    await handle.close()
  }
}
