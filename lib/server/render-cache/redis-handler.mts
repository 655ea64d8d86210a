/**
 * The render cache that several `next start` processes share: Next's `cacheHandler`
 * (next.config.js names this file when `REDIS_URL` is set; Node loads it as it is, outside the
 * bundle). The handler is @fortedigital/nextjs-cache-handler's, storing in Redis through its
 * `redis-strings` handler; Marquee's rules sit in front of it (`marqueeHandler`):
 *
 * - a 404 for an address that never had a page stays in this process's memory, not in Redis, so
 *   a bot walking random addresses cannot fill it (as lib/server/next-workarounds/cache-handler.ts
 *   keeps it off the disk without Redis);
 * - each entry carries the revision of the library it was rendered from (`r<revision>;` before
 *   its JSON). Redis refuses, in one script, to replace an entry with one from an older library,
 *   and an entry older than this server's library is served stale while it renders again;
 * - entries expire a day after they go stale, forte's tag indexes a year and a day after their
 *   last write, and Redis evicts any key past `maxmemory` (allkeys-lru, ops/redis/redis.conf);
 * - an entry's JSON is stored brotli-compressed (`revisionSerializer`), about a sixth of its size;
 * - when Redis cannot be reached, pages are cached in this process's memory instead, one line is
 *   logged per outage, and sharing resumes when it answers again, without a restart.
 */
import { CacheHandler } from '@fortedigital/nextjs-cache-handler'
import createLruHandler from '@fortedigital/nextjs-cache-handler/local-lru'
import createRedisHandler from '@fortedigital/nextjs-cache-handler/redis-strings'
import { createClient } from '@redis/client'
import {
  COMMAND_TIMEOUT_MS,
  guardedClient,
  KEEP_STALE_SECONDS,
  marqueeHandler,
  prerenderedPaths,
  redisClientOptions,
  REVALIDATE_CHANNEL,
  revisionSerializer,
  type Client,
} from './marquee-handler.mts'
import {
  checkLibraryNow,
  SHARED_RENDER_CACHE,
  servedRevision,
  type SharedRenderCache,
} from './shared.mts'

/** The Redis URL for logs: without a password. */
function printable(url: string): string {
  const parsed = new URL(url)
  parsed.password = ''
  return parsed.toString()
}

/** Connects this process to Redis and makes the shared render cache (once per process). */
function connect(url: string): {
  client: Client
  shared: SharedRenderCache
  onError(e: unknown): void
  onAnswer(): void
} {
  // An outage starts with the first failed call and ends when the client connects again or a
  // call succeeds again (a command can time out while the connection stays up).
  let failures = 0
  const onError = (error: unknown) => {
    if (failures++ > 0) return
    const message = error instanceof Error ? error.message : String(error)
    console.error(
      `[marquee] Redis (${printable(url)}) unreachable: ${message || 'connection lost'}. ` +
        'Pages are rendered and cached by this server alone until it answers again.',
    )
  }
  const onAnswer = () => {
    if (failures === 0) return
    console.error(
      `[marquee] Redis (${printable(url)}) answers again after ${failures} failed ` +
        `call${failures === 1 ? '' : 's'}: sharing resumed.`,
    )
    failures = 0
  }
  const options = redisClientOptions(url)
  const client = createClient(options)
  client.on('error', onError)
  client.on('ready', onAnswer)
  // Another server was told of a change (POST /api/revalidate): this one reads its files too.
  const listeners = new Set<() => void>([checkLibraryNow])
  const subscriber = createClient(options)
  subscriber.on('error', () => {
    // Reported through the main client's outage.
  })
  const shared: SharedRenderCache = {
    url: printable(url),
    ready: () => client.isReady,
    async publishRevalidate() {
      await client.publish(REVALIDATE_CHANNEL, String(process.pid))
    },
    onRevalidate(listener) {
      listeners.add(listener)
    },
  }
  client.connect().catch(onError)
  subscriber
    .connect()
    .then(() =>
      subscriber.subscribe(REVALIDATE_CHANNEL, (message) => {
        if (message === String(process.pid)) return
        for (const listener of listeners) listener()
      }),
    )
    .catch(onError)
  ;(globalThis as { [key: symbol]: unknown })[SHARED_RENDER_CACHE] = shared
  return { client, shared, onError, onAnswer }
}

const url = process.env.REDIS_URL
if (!url) throw new Error('lib/server/render-cache/redis-handler.mts needs REDIS_URL')
const { client, onError, onAnswer } = connect(url)

CacheHandler.onCreation(({ serverDistDir, buildId }) => {
  // One build's entries apart from another's: a deploy starts on its own keys.
  const keyPrefix = `marquee:${(buildId ?? 'dev').trim()}:`
  const redis = createRedisHandler({
    client: guardedClient(client),
    keyPrefix,
    keyExpirationStrategy: 'EXAT',
    timeoutMs: COMMAND_TIMEOUT_MS,
    valueSerializer: revisionSerializer(servedRevision),
  })
  const local = createLruHandler({ maxItemsNumber: 1000, maxItemSizeBytes: 64 * 2 ** 20 })
  return {
    handlers: [
      marqueeHandler({
        redis,
        local,
        ready: () => client.isReady,
        exists: async (key) => (await client.exists(keyPrefix + key)) > 0,
        prerendered: serverDistDir ? prerenderedPaths(serverDistDir) : new Set(),
        revision: servedRevision,
        onError,
        onAnswer,
      }),
    ],
    ttl: { estimateExpireAge: (staleAge) => staleAge + KEEP_STALE_SECONDS },
  }
})

export default CacheHandler
