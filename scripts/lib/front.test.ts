/**
 * The nginx front's caching, compression and answers while Next.js is down, with the real
 * ops/nginx/marquee.conf in front of a small upstream that answers like `next start` does for a
 * cached page: Cache-Control with s-maxage, Vary on Accept-Encoding, and gzip when asked for it.
 * Skipped where nginx is not installed (.ci/run installs it).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { purgeFrontCache } from '../../lib/server/front-cache'
import { errorPageDocument, UNAVAILABLE_PAGE } from '../../lib/server-error-page'
import { rawGet } from '../../lib/server/raw-get'
import { frontCache, preparePrefix, previewModeId, renderFrontConfig, startNginx } from './front'
import { freePort } from './ports'
import { stop, waitForHttp, type Managed } from './processes'
import { which } from './tools'

/** A build's draft-mode cookie value (its previewModeId). */
const PREVIEW_ID = 'e376f3ae2f45a23b1ee5a825a9daa6e9'

const PAGE = `<!doctype html><html><body>${'<p>Luke Cage’s set, back in Harlem.</p>'.repeat(200)}</body></html>`

/** The responses stored in an nginx cache folder (files named by their key's MD5). */
function cacheFiles(cache: string): string[] {
  return readdirSync(cache, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /^[0-9a-f]{32}$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
}

describe.skipIf(!which('nginx'))('the nginx front (ops/nginx/marquee.conf)', () => {
  /** Accept-Encoding of every request that reached the upstream, per path. */
  const seen = new Map<string, string[]>()
  /** What the upstream's /edited page says: an editor's change is a new edition. */
  let edition = 1
  let upstream: Server
  let nginx: Managed
  let prefix: string
  let base = ''

  beforeAll(async () => {
    upstream = createServer((request: IncomingMessage, response) => {
      const encoding = request.headers['accept-encoding'] ?? ''
      seen.set(request.url ?? '', [...(seen.get(request.url ?? '') ?? []), encoding])
      const gzip = /\bgzip\b/.test(encoding)
      const page = request.url === '/edited' ? `${PAGE}<p>Edition ${edition}</p>` : PAGE
      const body = gzip ? gzipSync(page) : Buffer.from(page)
      response.writeHead(200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Cache-Control': 's-maxage=60, stale-while-revalidate=31535940',
        Vary: 'rsc, next-router-state-tree, Accept-Encoding',
        ETag: '"page-1"',
        'Content-Length': body.length,
        ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
      })
      response.end(body)
    })
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve))
    ;({ nginx, prefix, base } = await startFront('nginx (front test)'))
  })

  /** Ports the fronts of this file listen on. */
  const ports = new Set<number>()

  /**
   * The front in front of the test upstream (or `to`), in a new prefix folder, once it answers;
   * `edit` changes its rendered config first.
   */
  async function startFront(name: string, edit = (conf: string) => conf, to = upstream) {
    const port = await freePort(8600, 8699, ports)
    ports.add(port)
    const prefix = mkdtempSync(path.join(os.tmpdir(), 'marquee-front-test-'))
    const conf = renderFrontConfig({
      listen: `127.0.0.1:${port}`,
      upstream: `127.0.0.1:${(to.address() as AddressInfo).port}`,
      staticDir: path.join(prefix, 'static'),
      previewId: PREVIEW_ID,
    })
    const nginx = await startNginx(name, prefix, preparePrefix(prefix, edit(conf)))
    const base = `http://127.0.0.1:${port}`
    await waitForHttp(`${base}/_ready`, nginx)
    return { nginx, prefix, base }
  }

  afterAll(async () => {
    if (nginx) await stop(nginx)
    await new Promise<void>((resolve) => upstream?.close(() => resolve()))
    if (prefix) rmSync(prefix, { recursive: true, force: true })
  })

  const get = (pathname: string, acceptEncoding?: string) =>
    rawGet(
      `${base}${pathname}`,
      acceptEncoding === undefined ? {} : { 'Accept-Encoding': acceptEncoding },
    )

  it('keeps the gzip a browser gets in the cache: Next.js compresses a page once', async () => {
    const browser = 'gzip, deflate, br, zstd'
    const first = await get('/gzip', browser)
    const second = await get('/gzip', browser)
    for (const answer of [first, second]) {
      expect(answer.status).toBe(200)
      expect(answer.headers['content-encoding']).toBe('gzip')
      expect(gunzipSync(answer.body).toString('utf8')).toBe(PAGE)
    }
    expect(first.headers['x-cache-status']).toBe('MISS')
    expect(second.headers['x-cache-status']).toBe('HIT')
    // nginx asked for gzip, once, and sent Next.js's bytes on as they were.
    expect(seen.get('/gzip')).toEqual(['gzip'])
    expect(second.body.equals(gzipSync(PAGE))).toBe(true)
  })

  it('keeps identity apart for clients that do not accept gzip', async () => {
    const gzip = await get('/both', 'gzip')
    const plain = await get('/both')
    const again = await get('/both')
    expect(gzip.headers['content-encoding']).toBe('gzip')
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.body.toString('utf8')).toBe(PAGE)
    expect(plain.headers['x-cache-status']).toBe('MISS')
    expect(again.headers['x-cache-status']).toBe('HIT')
    expect(seen.get('/both')).toEqual(['gzip', ''])
  })

  it('serves what Next.js has now once purgeFrontCache has purged the cache', async () => {
    const page = async (acceptEncoding?: string) => {
      const answer = await get('/edited', acceptEncoding)
      const body = acceptEncoding ? gunzipSync(answer.body) : answer.body
      return [answer.headers['x-cache-status'], body.toString('utf8').slice(PAGE.length)]
    }
    for (const encoding of ['gzip', undefined]) await page(encoding)
    edition = 2
    // Within s-maxage nginx answers from its cache, in both encodings.
    expect(await page('gzip')).toEqual(['HIT', '<p>Edition 1</p>'])
    expect(await page()).toEqual(['HIT', '<p>Edition 1</p>'])

    const cache = frontCache(prefix)
    // The format purgeFrontCache relies on: each stored response begins with nginx's version.
    const versions = () => cacheFiles(cache).map((file) => readFileSync(file).readBigUInt64LE(0))
    expect(versions().length).toBeGreaterThanOrEqual(2)
    for (const version of versions()) expect(version).toBeGreaterThan(0n)
    const stored = versions().length
    expect(await purgeFrontCache(cache)).toBe(stored)
    expect(versions()).toEqual(Array(stored).fill(0n))
    expect(await page('gzip')).toEqual(['MISS', '<p>Edition 2</p>'])
    expect(await page()).toEqual(['MISS', '<p>Edition 2</p>'])
    // The new answers are stored again, and the purged files logged nothing.
    expect(await page('gzip')).toEqual(['HIT', '<p>Edition 2</p>'])
    expect(await page()).toEqual(['HIT', '<p>Edition 2</p>'])
    expect(seen.get('/edited')).toEqual(['gzip', '', 'gzip', ''])
    expect(readFileSync(path.join(prefix, 'logs', 'error.log'), 'utf8')).toBe('')
  })

  it('logs nothing when nginx expires a purged response nobody asked for again', async () => {
    // The same config, but an entry unused for 1 s (not 7 days) expires, so that nginx's cache
    // manager removes the purged files within the test. Deleted files instead of purged ones
    // made it log `[crit] unlink() … failed (2: No such file or directory)` here.
    const short = await startFront('nginx (expiry)', (conf) => {
      const edited = conf.replace('inactive=7d', 'inactive=1s')
      expect(edited).toContain('inactive=1s')
      return edited
    })
    const { prefix: shortPrefix, base: shortBase } = short
    try {
      for (const page of ['/unasked-1', '/unasked-2']) await rawGet(`${shortBase}${page}`)
      const cache = frontCache(shortPrefix)
      const stored = cacheFiles(cache).length
      expect(stored).toBeGreaterThanOrEqual(2)
      expect(await purgeFrontCache(cache)).toBe(stored)
      // Still there, for the cache manager to remove as it removes any expired entry.
      expect(cacheFiles(cache)).toHaveLength(stored)
      await vi.waitFor(() => expect(cacheFiles(cache)).toEqual([]), {
        timeout: 30_000,
        interval: 500,
      })
      expect(readFileSync(path.join(shortPrefix, 'logs', 'error.log'), 'utf8')).toBe('')
    } finally {
      await stop(short.nginx)
      rmSync(shortPrefix, { recursive: true, force: true })
    }
  }, 45_000)

  it("serves its stale copy while Next.js is down, and the site's own 503 page for the rest", async () => {
    const next = createServer((_request, response) => {
      response.writeHead(200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Cache-Control': 's-maxage=1, stale-while-revalidate=31535940',
      })
      response.end(PAGE)
    })
    await new Promise<void>((resolve) => next.listen(0, '127.0.0.1', resolve))
    const front = await startFront('nginx (Next.js down)', undefined, next)
    try {
      const kept = await rawGet(`${front.base}/kept`)
      expect([kept.status, kept.headers['x-cache-status']]).toEqual([200, 'MISS'])
      // Next.js stops, and the copy is past its s-maxage.
      await new Promise<void>((resolve) => {
        next.close(() => resolve())
        next.closeAllConnections()
      })
      await new Promise((resolve) => setTimeout(resolve, 2_200))
      for (let round = 0; round < 2; round++) {
        const stale = await rawGet(`${front.base}/kept`)
        expect([stale.status, stale.headers['x-cache-status']]).toEqual([200, 'STALE'])
        expect(stale.body.toString('utf8')).toBe(PAGE)
      }
      for (const pathname of ['/never-cached', '/api/search?q=luke']) {
        const down = await rawGet(`${front.base}${pathname}`)
        expect(down.status, pathname).toBe(503)
        expect(down.headers['retry-after']).toBe('30')
        expect(down.headers['cache-control']).toBe('no-store')
        expect(down.headers['content-type']).toBe('text/html; charset=utf-8')
        expect(down.body.toString('utf8')).toBe(errorPageDocument(UNAVAILABLE_PAGE))
      }
      // An editor's publish hook gets the same status (a file answers only GET and HEAD).
      const hook = await fetch(`${front.base}/api/revalidate`, { method: 'POST' })
      expect([hook.status, hook.headers.get('retry-after')]).toEqual([503, '30'])
    } finally {
      await stop(front.nginx)
      rmSync(front.prefix, { recursive: true, force: true })
    }
  })

  it("sends only an editor's preview past the cache, and never stores its answer", async () => {
    const cookie = (value: string) => ({ Cookie: `theme=dark; __prerender_bypass=${value}` })
    const status = async (headers: Record<string, string> = {}) =>
      (await rawGet(`${base}/draft`, headers)).headers['x-cache-status']
    // The build's own cookie: Next.js renders the preview, nginx keeps none of it.
    expect(await status(cookie(PREVIEW_ID))).toBe('BYPASS')
    expect(await status(cookie(PREVIEW_ID))).toBe('BYPASS')
    expect(await status()).toBe('MISS')
    // Any other value is a reader: the cached page, however many requests carry it.
    for (const forged of ['1', 'x', PREVIEW_ID.toUpperCase(), `${PREVIEW_ID}0`, '']) {
      expect(await status(cookie(forged)), forged).toBe('HIT')
    }
    expect(seen.get('/draft')).toHaveLength(3)
  })

  it('stores a shared link once, whatever tracking parameters each click adds', async () => {
    const status = async (pathname: string, headers: Record<string, string> = {}) =>
      (await rawGet(`${base}${pathname}`, headers)).headers['x-cache-status']
    const clicks = [
      '/shared',
      '/shared?fbclid=IwAR0x1',
      '/shared?fbclid=IwAR0x2',
      '/shared?utm_source=newsletter&utm_medium=email&utm_campaign=nov',
      '/shared?gclid=abc&_gl=1*x*_ga*MTA.&srsltid=AfmB',
      '/shared?',
    ]
    expect(await status(clicks[0]!)).toBe('MISS')
    for (const click of clicks.slice(1)) expect(await status(click), click).toBe('HIT')
    // Nor does the Host a client sends make a copy of its own.
    expect(await status('/shared', { Host: 'made-up.example' })).toBe('HIT')
    // Next.js saw the first click only, with its query string as it came.
    expect([...seen.keys()].filter((url) => url.startsWith('/shared'))).toEqual(['/shared'])

    // A parameter of any other name, even beside tracking ones or named much like one, keeps
    // the whole query string in the key.
    const others = ['/shared?page=2', '/shared?fbclid=IwAR0x3&page=2', '/shared?fbclid2=x']
    for (const other of [...others, '/shared?utm_source=x&q=luke']) {
      expect(await status(other), other).toBe('MISS')
      expect(await status(other), other).toBe('HIT')
    }
    // A path that holds one is a path of its own.
    expect(await status('/shared/fbclid=1')).toBe('MISS')
  })

  it('keeps its rendered config, which holds the key to drafts, from other users', () => {
    expect(statSync(path.join(prefix, 'nginx.conf')).mode & 0o777).toBe(0o600)
    expect(readFileSync(path.join(prefix, 'nginx.conf'), 'utf8')).toContain(`"~^${PREVIEW_ID}$" 1;`)
  })

  it.each([
    ['gzip;q=0, br', ''],
    ['br', ''],
    ['identity', ''],
    ['deflate, gzip;q=0.5', 'gzip'],
    ['GZIP', 'gzip'],
    ['x-gzip-like', ''],
  ])('Accept-Encoding %j asks Next.js for %j', async (acceptEncoding, expected) => {
    const pathname = `/negotiate-${encodeURIComponent(acceptEncoding)}`
    const answer = await get(pathname, acceptEncoding)
    expect(answer.status).toBe(200)
    expect(seen.get(pathname)).toEqual([expected])
    expect(answer.headers['content-encoding']).toBe(expected === 'gzip' ? 'gzip' : undefined)
  })
})

describe('the draft-mode cookie value the front lets past its cache', () => {
  const config = { listen: '127.0.0.1:8080', upstream: '127.0.0.1:3000', staticDir: '/srv/s' }

  it('is read from the build', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'marquee-build-'))
    try {
      const manifest = path.join(dir, 'prerender-manifest.json')
      writeFileSync(manifest, JSON.stringify({ preview: { previewModeId: PREVIEW_ID } }))
      expect(previewModeId(dir)).toBe(PREVIEW_ID)
      writeFileSync(manifest, JSON.stringify({ preview: { previewModeId: 'development-id' } }))
      expect(() => previewModeId(dir)).toThrow(
        `${manifest}: preview.previewModeId: expected 32 hex digits`,
      )
      // A build cut short: the file is named, and what to do.
      writeFileSync(manifest, '{"preview":')
      expect(() => previewModeId(dir)).toThrow(
        new RegExp(`^${manifest}: .*JSON.*run npm run build`),
      )
      rmSync(manifest)
      expect(() => previewModeId(dir)).toThrow(`${manifest}: ENOENT`)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('goes into the config only as 32 hex digits', () => {
    expect(renderFrontConfig({ ...config, previewId: PREVIEW_ID })).toContain(
      `"~^${PREVIEW_ID}$" 1;`,
    )
    for (const bad of ['', 'x', `${PREVIEW_ID}$" 1; default`, PREVIEW_ID.toUpperCase()]) {
      expect(() => renderFrontConfig({ ...config, previewId: bad }), bad).toThrow(
        'previewId: expected 32 hex digits',
      )
    }
  })
})
