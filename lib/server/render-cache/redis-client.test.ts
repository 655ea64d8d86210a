/**
 * The Redis client after commands given up before they were sent, against a real redis-server
 * (Debian's, on a free port from 6390-6399, stopped by its PID), with the client options and the
 * handler stack redis-handler.mts uses. @redis/client 5.12.4 lost its write queue when the
 * oldest unsent commands were all given up in turn (its DoublyLinkedList.remove left the new
 * head pointing back at the removed one, redis/node-redis#3320): every later command then waited
 * out its timeout unsent, and each cached page cost a one-second wait (README, "Running on
 * several machines").
 */
import createLruHandler from '@fortedigital/nextjs-cache-handler/local-lru'
import createRedisHandler from '@fortedigital/nextjs-cache-handler/redis-strings'
import type { CacheHandlerValue } from '@fortedigital/nextjs-cache-handler/cache-handler.types'
import { createClient } from '@redis/client'
import { describe, expect, it } from 'vitest'
import { useRedisServer } from '@/scripts/lib/redis-fixture'
import {
  guardedClient,
  marqueeHandler,
  redisClientOptions,
  revisionSerializer,
  type Client,
} from './marquee-handler.mts'

const KEY = `/route-cache/APP_PAGE/${'b'.repeat(64)}/$/story`
// Long enough that a loaded machine's pauses do not reach it.
const TIMEOUT_MS = 500
const meta = { implicitTags: [] }

function page(html: string): CacheHandlerValue {
  return {
    lastModified: Date.now(),
    lifespan: null,
    tags: [],
    value: { kind: 'APP_PAGE', html, status: 200, headers: {}, postponed: undefined },
  } as unknown as CacheHandlerValue
}

/** Keeps the event loop busy, as a long render or a GC pause does. */
function block(ms: number): void {
  const until = performance.now() + ms
  while (performance.now() < until) {
    // busy
  }
}

describe('commands given up before they were sent', () => {
  const redis = useRedisServer('redis-server (redis-client test)', {
    connect: async (url) => {
      const client = createClient(redisClientOptions(url)) as Client
      client.on('error', () => {
        // A test failure says what went wrong.
      })
      await client.connect()
      return client
    },
    close: (client) => {
      if (client.isOpen) client.destroy()
    },
  })

  function stack(errors: unknown[]) {
    const { client } = redis
    return marqueeHandler({
      redis: createRedisHandler({
        client: guardedClient(client),
        keyPrefix: 'marquee:test:',
        keyExpirationStrategy: 'EXAT',
        timeoutMs: TIMEOUT_MS,
        valueSerializer: revisionSerializer(() => 1),
      }),
      local: createLruHandler({ maxItemsNumber: 10 }),
      ready: () => client.isReady,
      exists: async () => true,
      prerendered: new Set(),
      revision: () => 1,
      onError: (error) => errors.push(error),
      timeoutMs: TIMEOUT_MS,
    })
  }

  it('leave the commands after them unaffected', async () => {
    const errors: unknown[] = []
    const handler = stack(errors)
    await handler.set(KEY, page('<p>shared</p>'), {})
    expect(errors).toEqual([])

    // Two reads queued, then the event loop held past their timeout. Queued from a setImmediate
    // callback, the client's write (its own setImmediate) runs in the next turn of the loop,
    // after the expired timeouts: both reads are given up unsent, the oldest first.
    await new Promise((resolve) => setImmediate(resolve))
    const given = [handler.get(KEY, meta), handler.get(KEY, meta)]
    block(TIMEOUT_MS * 2)
    // Given up, each falls back to this process's memory, which does not hold the page.
    expect(await Promise.all(given)).toEqual([null, null])
    expect(errors).toHaveLength(2)

    // Later reads and writes are sent at once again and answered well within the timeout.
    for (let i = 0; i < 5; i++) {
      const started = performance.now()
      const entry = await handler.get(KEY, meta)
      await handler.set(`${KEY}-${i}`, page(`<p>${i}</p>`), {})
      expect((entry?.value as { html?: string } | undefined)?.html).toBe('<p>shared</p>')
      expect(errors).toHaveLength(2)
      // Stuck, each would wait out the timeout: at least twice TIMEOUT_MS for the two.
      expect(performance.now() - started).toBeLessThan(TIMEOUT_MS)
    }
  })

  it('while Redis does not answer, a read falls back to memory within the timeout', async () => {
    const errors: unknown[] = []
    const handler = stack(errors)
    await handler.set(KEY, page('<p>shared</p>'), {})
    const pauser = redis.client.duplicate()
    await pauser.connect()
    try {
      // Redis reads the command but answers it only when the pause ends: sent, it is no longer
      // given up by its abort signal.
      const pauseMs = TIMEOUT_MS * 4
      await pauser.sendCommand(['CLIENT', 'PAUSE', String(pauseMs), 'ALL'])
      const paused = performance.now()
      expect(await handler.get(KEY, meta)).toBeNull()
      expect(performance.now() - paused).toBeLessThan(TIMEOUT_MS * 3)
      expect(errors).toHaveLength(1)
      await new Promise((resolve) => setTimeout(resolve, pauseMs))
      const entry = await handler.get(KEY, meta)
      expect((entry?.value as { html?: string } | undefined)?.html).toBe('<p>shared</p>')
    } finally {
      pauser.destroy()
    }
  })
})
