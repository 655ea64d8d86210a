import { readdir, unlink } from 'node:fs/promises'
import path from 'node:path'

/**
 * The name of a response in nginx's cache folder: the MD5 of its cache key, in hex. A response
 * nginx is still writing sits beside it under a temporary, numbered name (`use_temp_path=off`),
 * and is left alone.
 */
const CACHE_FILE = /^[0-9a-f]{32}$/

/**
 * Empties the nginx front's cache (ops/nginx/marquee.conf, `proxy_cache_path … levels=1:2`):
 * deletes every stored response, so the next request for each page goes to Next.js, and nginx
 * stores that answer in its place. nginx takes a cache file that is gone for a miss; open-source
 * nginx has no purge of its own. Returns how many responses were deleted. A folder that does not
 * exist or cannot be read is an error: the front would go on serving what it has.
 */
export async function purgeFrontCache(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  const files = entries.filter((entry) => entry.isFile() && CACHE_FILE.test(entry.name))
  const deleted = await Promise.all(
    files.map((file) =>
      unlink(path.join(file.parentPath, file.name)).then(
        () => 1,
        (error: NodeJS.ErrnoException) => {
          // nginx's cache manager may have removed it first.
          if (error.code === 'ENOENT') return 0
          throw error
        },
      ),
    ),
  )
  return deleted.reduce((sum: number, one) => sum + one, 0)
}
