/**
 * Marquee's rules in front of @fortedigital/nextjs-cache-handler's Redis handler (see
 * redis-handler.mts, which puts them together): the 404 rule, the library revision of each entry,
 * and this process's memory while Redis is away. No connection is made here.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { brotliCompress, brotliDecompress, constants as zlib } from 'node:zlib'
import type {
  CacheHandlerValue,
  Handler,
} from '@fortedigital/nextjs-cache-handler/cache-handler.types'
import { normalizePagePath } from 'next/dist/shared/lib/page-path/normalize-page-path.js'
import type { RedisClientType } from '@redis/client'

/** What a response cache key looks like: `/route-cache/<kind>/<route hash>/$<page path>`. */
const RESPONSE_KEY = /^\/route-cache\/(APP_PAGE|APP_ROUTE)\/[0-9a-f]{64}\/\$(\/.*)$/
/** A stored entry's head: the library revision it was rendered from. */
const REVISION_HEAD = /^r(\d+);/
/** How long an entry stays in Redis after it went stale: a page read once a day never waits. */
export const KEEP_STALE_SECONDS = 24 * 60 * 60
/** Redis commands give up after this (a render is cheaper than waiting on a hung Redis). */
export const COMMAND_TIMEOUT_MS = 1000
export const REVALIDATE_CHANNEL = 'marquee:revalidate'
/**
 * The expiry of forte's indexes (its hashes of each entry's tags and expiry, and of revalidated
 * tags), set again on each write to them: longer than any entry's life (forte gives a page without
 * `revalidate` a year before it is stale), so an index outlives every entry it describes.
 */
export const INDEX_TTL_SECONDS = 366 * 24 * 60 * 60 + KEEP_STALE_SECONDS

/**
 * SET unless the key holds an entry rendered from a newer library (its `r<revision>;` head).
 * KEYS[1] the key; ARGV[1] the entry, ARGV[2] its revision, ARGV[3] EXAT seconds or '',
 * ARGV[4] 'NX' to set only a missing key. Returns 1 when stored.
 */
export const GUARDED_SET = `
local head = redis.call('GETRANGE', KEYS[1], 0, 31)
if ARGV[4] == 'NX' and head ~= '' then return 0 end
local stored = tonumber(string.match(head, '^r(%d+);'))
if stored and stored > tonumber(ARGV[2]) then return 0 end
if ARGV[3] ~= '' then
  redis.call('SET', KEYS[1], ARGV[1], 'EXAT', ARGV[3])
else
  redis.call('SET', KEYS[1], ARGV[1])
end
return 1
`

export type Client = RedisClientType

/** The options of this process's Redis clients (redis-handler.mts). */
export function redisClientOptions(url: string) {
  return {
    url,
    // Fail at once while disconnected, rather than queueing requests behind a reconnect.
    disableOfflineQueue: true,
    // No command waits longer than this to be sent, whoever sends it (forte's own calls also
    // carry an abort signal of this timeout).
    commandOptions: { timeout: COMMAND_TIMEOUT_MS },
    // A plain redis-server: no Redis Enterprise maintenance notifications to ask for.
    maintNotifications: 'disabled' as const,
    socket: {
      connectTimeout: COMMAND_TIMEOUT_MS,
      reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 2000),
    },
  }
}
export type Entry = CacheHandlerValue & { revision?: number }

/** The revision an entry was rendered from, and the rest of what Redis holds (its body). */
export function splitEntry(stored: string): { revision: number; body: string } {
  const head = REVISION_HEAD.exec(stored)
  if (!head) return { revision: 0, body: stored }
  return { revision: Number(head[1]), body: stored.slice(head[0].length) }
}

/** A compressed body's mark; a body without it is JSON (written before compression). */
const BROTLI = 'br:'
const compress = promisify(brotliCompress)
const decompress = promisify(brotliDecompress)
/**
 * Brotli quality 4: an article's entry (HTML, and RSC and segment data already base64 in its JSON)
 * goes from about 285 KB to 49 KB in base64, in about 2 ms on the libuv pool (README, "Running on
 * several machines"); quality 6 costs 2.5 times the CPU for 7 % less, gzip is larger and slower.
 */
const BROTLI_OPTIONS = {
  params: { [zlib.BROTLI_PARAM_QUALITY]: 4, [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT },
}

/**
 * forte's value serializer for a server serving `revision()`: an entry is stored as
 * `r<revision>;br:<base64 of its JSON, brotli-compressed>`, and read back with the revision it
 * was rendered from. The head stays plain for GUARDED_SET; base64 because @redis/client reads
 * values as UTF-8 strings.
 */
export function revisionSerializer(revision: () => number | undefined) {
  return {
    async serialize(value: CacheHandlerValue): Promise<string> {
      const packed = await compress(Buffer.from(JSON.stringify(value)), BROTLI_OPTIONS)
      return `r${revision() ?? 0};${BROTLI}${packed.toString('base64')}`
    },
    async deserialize(stored: string): Promise<Entry> {
      const { revision: rendered, body } = splitEntry(String(stored))
      const json = body.startsWith(BROTLI)
        ? (await decompress(Buffer.from(body.slice(BROTLI.length), 'base64'))).toString()
        : body
      return { ...(JSON.parse(json) as CacheHandlerValue), revision: rendered }
    },
  }
}

/**
 * The client forte's handler writes through: every SET of an entry goes through GUARDED_SET, every
 * HSET (its indexes) also sets the hash's expiry, so that every key Marquee writes has one;
 * everything else goes to Redis as it is.
 */
export function guardedClient(client: Client): Client {
  const wrap = (target: Client): Client =>
    new Proxy(target, {
      get(object, property, receiver) {
        if (property === 'withAbortSignal') {
          return (signal: AbortSignal) => wrap(object.withAbortSignal(signal) as Client)
        }
        if (property === 'set') {
          return (key: string, value: string, options?: { EXAT?: number; NX?: boolean }) => {
            const { revision } = splitEntry(value)
            return object.eval(GUARDED_SET, {
              keys: [key],
              arguments: [
                value,
                String(revision),
                options?.EXAT ? String(options.EXAT) : '',
                options?.NX ? 'NX' : '',
              ],
            })
          }
        }
        if (property === 'hSet') {
          return async (key: string, ...rest: unknown[]) => {
            const hSet = object.hSet as (key: string, ...rest: unknown[]) => Promise<number>
            // Sent in this order on one connection: the expiry applies to the hash just written.
            const [added] = await Promise.all([
              hSet.call(object, key, ...rest),
              object.expire(key, INDEX_TTL_SECONDS),
            ])
            return added
          }
        }
        return Reflect.get(object, property, receiver)
      },
    })
  return wrap(client)
}

/** The page paths `next build` prerendered, as the page paths keys end with (`/` is `/index`). */
export function prerenderedPaths(serverDistDir: string): Set<string> {
  const file = path.join(serverDistDir, '..', 'prerender-manifest.json')
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as { routes?: Record<string, unknown> }
  return new Set(Object.keys(manifest.routes ?? {}).map((page) => normalizePagePath(page)))
}

export interface MarqueeHandlerOptions {
  redis: Handler
  local: Handler
  /** Whether Redis answers now. */
  ready(): boolean
  /** Whether Redis holds this key (an address that had a page). */
  exists(key: string): Promise<boolean>
  prerendered: Set<string>
  /** The revision of the library this server serves. */
  revision(): number | undefined
  /** Told of each failed Redis call (logged once per outage). */
  onError(error: unknown): void
  /** Told of each Redis call that succeeded (ends an outage). */
  onAnswer?(): void
  /** How long a get or set may wait on Redis before this process's memory serves instead. */
  timeoutMs?: number
  now?: () => number
}

/**
 * `promise`, or a rejection after `ms`. A command already sent is not given up by its abort
 * signal (only one still waiting to be sent is), so a paused or hung Redis would hold the request
 * until it answers; the call itself goes on, its result unused.
 */
function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer from Redis in ${ms} ms`)), ms)
  })
  promise.catch(() => undefined)
  return Promise.race([promise, late]).finally(() => clearTimeout(timer))
}

/**
 * Marquee's rules before forte's Redis handler: the 404 rule, the revision's freshness, and this
 * process's memory while Redis is away.
 */
export function marqueeHandler(options: MarqueeHandlerOptions): Handler {
  const { redis, local, ready, exists, prerendered, revision, onError } = options
  const onAnswer = options.onAnswer ?? (() => undefined)
  const timeoutMs = options.timeoutMs ?? COMMAND_TIMEOUT_MS
  const now = options.now ?? Date.now

  async function isNewNotFound(key: string, entry: CacheHandlerValue): Promise<boolean> {
    const value = entry.value as { kind?: string; status?: number } | null
    if (!value || value.status !== 404) return false
    const match = RESPONSE_KEY.exec(key)
    if (!match || value.kind !== match[1]) return false
    if (prerendered.has(match[2] ?? '')) return false
    return !(await exists(key))
  }

  return {
    name: 'marquee',
    async get(key, meta) {
      if (!ready()) return local.get(key, meta)
      let entry: Entry | null | undefined
      try {
        entry = (await within(redis.get(key, meta), timeoutMs)) as Entry | null | undefined
        onAnswer()
      } catch (error) {
        onError(error)
        return local.get(key, meta)
      }
      if (!entry) return local.get(key, meta)
      const served = revision()
      if (served !== undefined && (entry.revision ?? 0) < served) {
        // Rendered from an older library than this server's: served stale while it renders again
        // (older than any page's revalidate period, younger than its expiry).
        return { ...entry, lastModified: Math.min(entry.lastModified, now() - 60 * 60 * 1000) }
      }
      return entry
    },
    async set(key, entry, ctx) {
      if (!ready()) return local.set(key, entry, ctx)
      try {
        if (await isNewNotFound(key, entry)) return local.set(key, entry, ctx)
        await within(redis.set(key, entry, ctx), timeoutMs)
        onAnswer()
      } catch (error) {
        onError(error)
        await local.set(key, entry, ctx)
      }
    },
    async revalidateTag(tag) {
      await local.revalidateTag(tag)
      if (!ready()) {
        onError(new Error(`revalidation of ${tag} did not reach Redis`))
        return
      }
      try {
        await redis.revalidateTag(tag)
      } catch (error) {
        onError(error)
      }
    },
    async delete(key) {
      await local.delete?.(key)
      if (ready()) await redis.delete?.(key).catch(onError)
    },
  }
}
