import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { nodeFs } from 'next/dist/server/lib/node-fs-methods'
import { afterAll, describe, expect, it } from 'vitest'
import { installCacheHandler, MarqueeCache } from './cache-handler'

/** The class as Next constructs and calls it, which knows nothing of this test's shapes. */
interface Handler {
  get(key: string, ctx: object): Promise<{ value: { status?: number } | null } | null>
  set(key: string, data: object, ctx: object): Promise<void>
}
const Cache = MarqueeCache as unknown as new (ctx: object) => Handler

const HASH = 'a'.repeat(64)
const pageKey = (pagePath: string) => `/route-cache/APP_PAGE/${HASH}/$${pagePath}`
const routeKey = (pagePath: string) => `/route-cache/APP_ROUTE/${HASH}/$${pagePath}`

/** A page response as Next 16.4 caches it (CachedAppPageValue). */
function page(status: number) {
  return {
    kind: 'APP_PAGE',
    html: `<!DOCTYPE html><html><body>${status}</body></html>`,
    rscData: Buffer.from('0:{}'),
    headers: {},
    postponed: undefined,
    status,
    segmentData: undefined,
  }
}

function route(status: number) {
  return { kind: 'APP_ROUTE', body: Buffer.from('not found'), headers: {}, status }
}

const SET_CONTEXT = {
  route: undefined,
  cacheControl: { revalidate: 60, expire: undefined },
  isRoutePPREnabled: false,
  isFallback: false,
}

describe('installCacheHandler', () => {
  it("puts the class where Next's IncrementalCache looks for a global handler", () => {
    const slot = Symbol.for('@next/cache-handlers')
    const global = globalThis as { [key: symbol]: unknown }
    const before = global[slot]
    try {
      global[slot] = { DefaultCache: 'kept' }
      installCacheHandler()
      expect(global[slot]).toEqual({ DefaultCache: 'kept', FetchCache: MarqueeCache })
    } finally {
      global[slot] = before
    }
  })
})

describe('MarqueeCache', () => {
  const build = mkdtempSync(path.join(tmpdir(), 'marquee-cache-'))
  const serverDistDir = path.join(build, 'server')
  mkdirSync(serverDistDir)
  writeFileSync(
    path.join(build, 'prerender-manifest.json'),
    JSON.stringify({ routes: { '/': {}, '/tv/prerendered-story': {} } }),
  )
  afterAll(() => rmSync(build, { recursive: true, force: true }))

  const cache = new Cache({
    fs: nodeFs,
    flushToDisk: true,
    serverDistDir,
    maxMemoryCacheSize: 10 * 2 ** 20,
    revalidatedTags: [],
    _requestHeaders: {},
  })
  /** Which of an entry's files are on disk. */
  const files = (key: string) =>
    ['.html', '.rsc', '.body', '.meta'].filter((end) =>
      existsSync(path.join(serverDistDir, key + end)),
    )
  const get = (key: string) => cache.get(key, { kind: 'APP_PAGE', isFallback: false })

  it('writes a page as Next does', async () => {
    await cache.set(pageKey('/tv/a-story'), page(200), SET_CONTEXT)
    expect(files(pageKey('/tv/a-story'))).toEqual(['.html', '.rsc', '.meta'])
  })

  it('keeps a 404 for an address that never had a page in memory only', async () => {
    const key = pageKey('/tv/no-such-story')
    await cache.set(key, page(404), SET_CONTEXT)
    expect(
      readdirSync(path.join(serverDistDir, 'route-cache', 'APP_PAGE', HASH, '$', 'tv')),
    ).toEqual(expect.not.arrayContaining([expect.stringMatching(/^no-such-story/)]))
    expect((await get(key))?.value?.status).toBe(404)
    // The flag is back: the next page is written again.
    await cache.set(pageKey('/tv/another-story'), page(200), SET_CONTEXT)
    expect(files(pageKey('/tv/another-story'))).toEqual(['.html', '.rsc', '.meta'])
  })

  it('keeps a route handler 404 (an unknown section feed) in memory only, and writes a 200', async () => {
    await cache.set(routeKey('/no-such-section/feed.xml'), route(404), SET_CONTEXT)
    expect(files(routeKey('/no-such-section/feed.xml'))).toEqual([])
    await cache.set(routeKey('/tv/feed.xml'), route(200), SET_CONTEXT)
    expect(files(routeKey('/tv/feed.xml'))).toEqual(['.body', '.meta'])
  })

  it('writes a 404 over a page that was on disk, so a restart cannot bring the page back', async () => {
    const key = pageKey('/tv/a-story')
    expect(readFileSync(path.join(serverDistDir, `${key}.html`), 'utf8')).toContain('200')
    await cache.set(key, page(404), SET_CONTEXT)
    // On disk, not only in memory (the memory cache outlives no restart).
    expect(readFileSync(path.join(serverDistDir, `${key}.html`), 'utf8')).toContain('404')
    expect(readFileSync(path.join(serverDistDir, `${key}.meta`), 'utf8')).toContain('"status":404')
  })

  it('writes a 404 for a prerendered address, the home page included', async () => {
    for (const pagePath of ['/tv/prerendered-story', '/index']) {
      await cache.set(pageKey(pagePath), page(404), SET_CONTEXT)
      expect(files(pageKey(pagePath)), pagePath).toEqual(['.html', '.rsc', '.meta'])
    }
  })

  it('writes a 404 it does not recognise as Next would', async () => {
    // Another kind of entry, and a value whose kind is not the key's.
    const pagesKey = `/route-cache/PAGES/${HASH}/$/old-page`
    await cache.set(pagesKey, { ...page(404), kind: 'PAGES', pageData: {} }, SET_CONTEXT)
    expect(files(pagesKey)).toContain('.html')
    await cache.set(routeKey('/mismatch'), page(404), SET_CONTEXT)
    expect(files(routeKey('/mismatch'))).toEqual(['.html', '.rsc', '.meta'])
  })
})
