/**
 * The nginx front's caching and compression, with the real ops/nginx/marquee.conf in front of a
 * small upstream that answers like `next start` does for a cached page: Cache-Control with
 * s-maxage, Vary on Accept-Encoding, and gzip when asked for it. Skipped where nginx is not
 * installed (.ci/run installs it).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { purgeFrontCache } from '../../lib/server/front-cache'
import { rawGet } from '../../lib/server/raw-get'
import { frontCache, preparePrefix, renderFrontConfig, startNginx } from './front'
import { freePort } from './ports'
import { stop, waitForHttp, type Managed } from './processes'
import { which } from './tools'

const PAGE = `<!doctype html><html><body>${'<p>Luke Cage’s set, back in Harlem.</p>'.repeat(200)}</body></html>`

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
    const port = await freePort(8600, 8699)
    prefix = mkdtempSync(path.join(os.tmpdir(), 'marquee-front-test-'))
    const conf = renderFrontConfig({
      listen: `127.0.0.1:${port}`,
      upstream: `127.0.0.1:${(upstream.address() as AddressInfo).port}`,
      staticDir: path.join(prefix, 'static'),
    })
    nginx = await startNginx('nginx (front test)', prefix, preparePrefix(prefix, conf))
    base = `http://127.0.0.1:${port}`
    await waitForHttp(`${base}/_ready`, nginx)
  })

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

  it('serves what Next.js has now once purgeFrontCache has emptied the cache', async () => {
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
    expect(await purgeFrontCache(cache)).toBeGreaterThanOrEqual(2)
    expect(await page('gzip')).toEqual(['MISS', '<p>Edition 2</p>'])
    expect(await page()).toEqual(['MISS', '<p>Edition 2</p>'])
    // The new answers are stored again, and the missing files logged nothing.
    expect(await page('gzip')).toEqual(['HIT', '<p>Edition 2</p>'])
    expect(await page()).toEqual(['HIT', '<p>Edition 2</p>'])
    expect(seen.get('/edited')).toEqual(['gzip', '', 'gzip', ''])
    expect(readFileSync(path.join(prefix, 'logs', 'error.log'), 'utf8')).toBe('')
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
