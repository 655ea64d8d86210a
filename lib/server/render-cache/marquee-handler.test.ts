/**
 * Marquee's rules in front of the Redis render cache (marquee-handler.mts): the 404 rule and the
 * stale serving of an older library's render with fake handlers, and the library-revision guard
 * against a real redis-server (Debian's, on a free port from 6390-6399, stopped by its PID), with
 * two servers' handler stacks as redis-handler.mts builds them, on two copies of a library.
 */
import { randomBytes } from 'node:crypto'
import { cp, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import createLruHandler from '@fortedigital/nextjs-cache-handler/local-lru'
import createRedisHandler from '@fortedigital/nextjs-cache-handler/redis-strings'
import type {
  CacheHandlerValue,
  Handler,
} from '@fortedigital/nextjs-cache-handler/cache-handler.types'
import { describe, expect, it, vi } from 'vitest'
import { contentRevision, contentSignature } from '@/lib/content/speed'
import { useRedisServer } from '@/scripts/lib/redis-fixture'
import {
  GUARDED_SET,
  guardedClient,
  INDEX_TTL_SECONDS,
  marqueeHandler,
  revisionSerializer,
  type Client,
  type Entry,
} from './marquee-handler.mts'

const ROUTE = `/route-cache/APP_PAGE/${'a'.repeat(64)}/$`
const meta = { implicitTags: [] }

function page(html: string, status = 200, lastModified = Date.now()): CacheHandlerValue {
  return {
    lastModified,
    lifespan: null,
    tags: [],
    value: { kind: 'APP_PAGE', html, status, headers: {}, postponed: undefined },
  } as unknown as CacheHandlerValue
}

/** A handler that keeps entries in a Map and records what it was given. */
function recording(): Handler & { stored: Map<string, CacheHandlerValue> } {
  const stored = new Map<string, CacheHandlerValue>()
  return {
    name: 'recording',
    stored,
    get: async (key) => stored.get(key) ?? null,
    set: async (key, value) => void stored.set(key, value),
    revalidateTag: async () => undefined,
    delete: async (key) => void stored.delete(key),
  }
}

function fakes(options: { inRedis?: string[]; prerendered?: string[]; revision?: number } = {}) {
  const redis = recording()
  const local = recording()
  const errors: unknown[] = []
  const handler = marqueeHandler({
    redis,
    local,
    ready: () => true,
    exists: async (key) => (options.inRedis ?? []).includes(key),
    prerendered: new Set(options.prerendered ?? []),
    revision: () => options.revision,
    onError: (error) => errors.push(error),
  })
  return { handler, redis, local, errors }
}

describe('the 404 rule', () => {
  it('keeps a 404 for an address that never had a page out of Redis', async () => {
    const { handler, redis, local } = fakes()
    await handler.set(`${ROUTE}/tv/made-up`, page('not found', 404), {})
    expect(redis.stored.size).toBe(0)
    expect(local.stored.has(`${ROUTE}/tv/made-up`)).toBe(true)
  })

  it('stores in Redis a 404 for an address that had a page, or that the build prerendered', async () => {
    const { handler, redis } = fakes({ inRedis: [`${ROUTE}/tv/removed`], prerendered: ['/about'] })
    await handler.set(`${ROUTE}/tv/removed`, page('gone', 404), {})
    await handler.set(`${ROUTE}/about`, page('not found', 404), {})
    expect([...redis.stored.keys()]).toEqual([`${ROUTE}/tv/removed`, `${ROUTE}/about`])
  })

  it('stores every page that is not a 404 in Redis', async () => {
    const { handler, redis, local } = fakes()
    await handler.set(`${ROUTE}/tv/new`, page('a story'), {})
    expect(redis.stored.has(`${ROUTE}/tv/new`)).toBe(true)
    expect(local.stored.size).toBe(0)
  })
})

describe('an entry from an older library', () => {
  const key = `${ROUTE}/tv/story`
  const stored = (revision: number): Entry => ({ ...page('story', 200, Date.now()), revision })

  it('is served stale, so that it is rendered again', async () => {
    const { handler, redis } = fakes({ revision: 2000 })
    redis.stored.set(key, stored(1000))
    const entry = await handler.get(key, meta)
    expect(entry?.lastModified).toBeLessThanOrEqual(Date.now() - 60 * 60 * 1000)
  })

  it('is served as it is when rendered from the same library or a newer one', async () => {
    for (const revision of [2000, 3000]) {
      const { handler, redis } = fakes({ revision: 2000 })
      const entry = stored(revision)
      redis.stored.set(key, entry)
      expect((await handler.get(key, meta))?.lastModified).toBe(entry.lastModified)
    }
  })

  it('is served from this server alone when Redis fails, and the failure is reported', async () => {
    const { handler, redis, local, errors } = fakes()
    redis.get = () => Promise.reject(new Error('connection lost'))
    local.stored.set(key, page('local copy'))
    expect((await handler.get(key, meta))?.value).toMatchObject({ html: 'local copy' })
    expect(errors).toHaveLength(1)
  })
})

describe('revisionSerializer', () => {
  it('stores an entry compressed after its revision, and reads it back as it was', async () => {
    const html = `<main>${'<p>A paragraph of a story, much like the next one.</p>'.repeat(400)}</main>`
    const entry = page(html)
    const serializer = revisionSerializer(() => 1234)
    const stored = await serializer.serialize(entry)
    expect(stored).toMatch(/^r1234;br:[A-Za-z0-9+/]+=*$/)
    expect(stored.length).toBeLessThan(JSON.stringify(entry).length / 10)
    expect(await serializer.deserialize(stored)).toEqual({ ...entry, revision: 1234 })
  })

  it('still reads an entry stored as plain JSON', async () => {
    const entry = page('story')
    const read = await revisionSerializer(() => 1).deserialize(`r7;${JSON.stringify(entry)}`)
    expect(read).toEqual({ ...entry, revision: 7 })
  })
})

/** A server's handler stack as redis-handler.mts builds it, on `client`. */
function stack(client: Client, revision: number | undefined, onError: (error: unknown) => void) {
  return marqueeHandler({
    redis: createRedisHandler({
      client: guardedClient(client),
      keyPrefix: 'marquee:test:',
      keyExpirationStrategy: 'EXAT',
      timeoutMs: 1000,
      valueSerializer: revisionSerializer(() => revision),
    }),
    local: createLruHandler(),
    ready: () => client.isReady,
    exists: async (key) => (await client.exists(`marquee:test:${key}`)) > 0,
    prerendered: new Set(),
    revision: () => revision,
    onError,
  })
}

describe('a full redis-server (maxmemory 2mb, ops/redis/redis.conf otherwise)', () => {
  const redis = useRedisServer<Client>('redis-server (full, marquee-handler test)', {
    settings: ['--maxmemory', '2mb'],
  })

  // Pages as Next stores them: tags for the page and its layouts, and a lifespan.
  const stored = (n: number): CacheHandlerValue => {
    const lastModified = Date.now()
    const at = Math.floor(lastModified / 1000)
    return {
      ...page(randomBytes(1500).toString('base64'), 200, lastModified),
      tags: ['_N_T_/layout', '_N_T_/tv/layout', `_N_T_/tv/story-${n}/page`],
      lifespan: { lastModifiedAt: at, staleAt: at + 60, expireAt: at + 60 + 86400 },
    } as unknown as CacheHandlerValue
  }

  it('keeps storing pages, evicting older ones, and every key it holds has an expiry', async () => {
    const { client } = redis
    await client.flushAll()
    const errors: unknown[] = []
    const handler = stack(client, 1000, (error) => errors.push(error))
    // About 6 MB of entries through a 2 MB Redis.
    for (let n = 0; n < 3000; n++) await handler.set(`${ROUTE}/tv/story-${n}`, stored(n), {})
    expect(errors).toEqual([])
    const stats = await client.info('stats')
    expect(Number(/evicted_keys:(\d+)/.exec(stats)?.[1])).toBeGreaterThan(0)
    // Redis's LRU clock ticks once a second (LRU_CLOCK_RESOLUTION in its server.h): pages written
    // in one tick look as old as each other to eviction, and the last of them may go. A page
    // written a tick later is the newest there is.
    await new Promise((resolve) => setTimeout(resolve, 1100))
    await handler.set(`${ROUTE}/tv/story-3000`, stored(3000), {})
    expect(errors).toEqual([])
    // Read back until it answers: on a loaded machine one get can outlast COMMAND_TIMEOUT_MS and
    // fall back to nothing, but an evicted page would never come back.
    let last = null as Entry | null
    await vi.waitFor(
      async () => {
        last = (await handler.get(`${ROUTE}/tv/story-3000`, meta)) as Entry | null
        expect(last?.revision).toBe(1000)
      },
      { timeout: 10_000, interval: 200 },
    )
    expect((last?.value as { html?: string } | null)?.html).toHaveLength(2000)
    for (const key of await client.keys('*')) {
      const ttl = await client.ttl(key)
      // -1: a key without an expiry (-2: evicted since KEYS, as Redis makes room before any command).
      expect({ key, withoutExpiry: ttl === -1 }).toEqual({ key, withoutExpiry: false })
      if (key.endsWith('__') && ttl !== -2) expect(ttl).toBeGreaterThan(INDEX_TTL_SECONDS - 60)
    }
  })

  it("makes room even when keys without an expiry fill it (an older build's tag index)", async () => {
    const { client } = redis
    await client.flushAll()
    const old = Object.fromEntries(
      Array.from({ length: 12_000 }, (_, n) => [`${ROUTE}/tv/old-${n}`, '["_N_T_/layout"]']),
    )
    // Written while there was room; then Redis is over its limit with it alone.
    await client.configSet('maxmemory', '16mb')
    await client.hSet('marquee:older-build:__sharedTags__', old)
    await client.configSet('maxmemory', '2mb')
    const errors: unknown[] = []
    const handler = stack(client, 1000, (error) => errors.push(error))
    for (let n = 0; n < 200; n++) await handler.set(`${ROUTE}/tv/story-${n}`, stored(n), {})
    expect(errors).toEqual([])
    expect(await client.exists('marquee:older-build:__sharedTags__')).toBe(0)
    expect(await handler.get(`${ROUTE}/tv/story-199`, meta)).toMatchObject({ revision: 1000 })
  })
})

describe('against redis-server', () => {
  const redis = useRedisServer<Client>('redis-server (marquee-handler test)')

  it('GUARDED_SET refuses an older revision over a newer one, and honours NX and EXAT', async () => {
    const { client } = redis
    const set = (value: string, revision: number, exat = '', nx = '') =>
      client.eval(GUARDED_SET, { keys: ['k'], arguments: [value, String(revision), exat, nx] })
    expect(await set('r5;five', 5)).toBe(1)
    expect(await set('r4;four', 4)).toBe(0)
    expect(await client.get('k')).toBe('r5;five')
    expect(await set('r5;five again', 5)).toBe(1)
    expect(await set('r6;six', 6, '', 'NX')).toBe(0)
    expect(await set('r6;six', 6)).toBe(1)
    expect(await client.get('k')).toBe('r6;six')
    const at = Math.floor(Date.now() / 1000) + 3600
    expect(await set('r7;seven', 7, String(at))).toBe(1)
    expect(await client.expireTime('k')).toBe(at)
    // An entry without a head (written before revisions) is replaced.
    await client.set('bare', '{}')
    expect(
      await client.eval(GUARDED_SET, { keys: ['bare'], arguments: ['r1;one', '1', '', ''] }),
    ).toBe(1)
  })

  it('a server on an older copy of the library never overwrites a newer render', async () => {
    const { client } = redis
    // Two copies of one library; the second one pulled an edit a minute later.
    const older = await mkdtemp(path.join(os.tmpdir(), 'marquee-library-'))
    const newer = await mkdtemp(path.join(os.tmpdir(), 'marquee-library-'))
    try {
      await writeFile(path.join(older, 'story.md'), '---\ntitle: Before\n---\n')
      await cp(older, newer, { recursive: true, preserveTimestamps: true })
      await writeFile(path.join(newer, 'story.md'), '---\ntitle: After\n---\n')
      const later = new Date(Date.now() + 60_000)
      await utimes(path.join(newer, 'story.md'), later, later)
      await contentSignature(older)
      await contentSignature(newer)
      const revisions = { older: contentRevision(older), newer: contentRevision(newer) }
      expect(revisions.older).toBeGreaterThan(0)
      expect(revisions.newer).toBeGreaterThan(revisions.older ?? Infinity)

      // Each server's stack as redis-handler.mts builds it, sharing one Redis and key prefix.
      const server = (revision: number | undefined) =>
        stack(client, revision, (error) => {
          throw error
        })
      const onOlder = server(revisions.older)
      const onNewer = server(revisions.newer)
      const key = `${ROUTE}/tv/story`

      await onOlder.set(key, page('Before'), {})
      // The newer server finds the older render, serves it stale, renders and stores its own.
      const first = await onNewer.get(key, meta)
      expect(first?.value).toMatchObject({ html: 'Before' })
      expect(first?.lastModified).toBeLessThanOrEqual(Date.now() - 60 * 60 * 1000)
      await onNewer.set(key, page('After'), {})
      // The older server renders the page again (its revalidation): Redis keeps the newer one.
      await onOlder.set(key, page('Before, again'), {})
      for (const reader of [onOlder, onNewer]) {
        expect((await reader.get(key, meta))?.value).toMatchObject({ html: 'After' })
      }
      expect(await client.get(`marquee:test:${key}`)).toMatch(new RegExp(`^r${revisions.newer};`))
    } finally {
      await rm(older, { recursive: true, force: true })
      await rm(newer, { recursive: true, force: true })
    }
  })
})
