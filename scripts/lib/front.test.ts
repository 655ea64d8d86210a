/**
 * The nginx front's caching, compression, answers while Next.js is down, security headers, rate
 * limits, Host handling and HTTPS, with the real ops/nginx/marquee.conf in front of a small
 * upstream that answers like `next start` does: for a cached page Cache-Control with s-maxage,
 * Vary on Accept-Encoding, gzip when asked for it, the security headers and the page's own CSP;
 * for search, no-store. Skipped where nginx is not installed (.ci/run installs it).
 */
import { execFileSync } from 'node:child_process'
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { purgeFrontCache } from '../../lib/server/front-cache'
import {
  BAD_REQUEST_PAGE,
  errorPageDocument,
  TOO_MANY_REQUESTS_PAGE,
  UNAVAILABLE_PAGE,
} from '../../lib/server/error-page'
import { REPORT_BYTES_MAX } from '../../lib/csp-report/handle'
import { rawGet } from '../../lib/server/raw-get'
import {
  NO_SCRIPT_POLICY,
  pagePolicy,
  SECURITY_HEADERS,
  STRICT_TRANSPORT_SECURITY,
} from '../../lib/server/security-headers'
import {
  frontCache,
  nginxString,
  preparePrefix,
  previewModeId,
  renderFrontConfig,
  startNginx,
  type FrontConfig,
} from './front'
import { freePort } from './ports'
import { stop, waitForHttp, type Managed } from './processes'
import { which } from './tools'
import { headerValues, http2Get, send, sendRaw, type WireAnswer } from './wire'

/** A build's draft-mode cookie value (its previewModeId). */
const PREVIEW_ID = 'e376f3ae2f45a23b1ee5a825a9daa6e9'

const PAGE = `<!doctype html><html><body>${'<p>Luke Cage’s set, back in Harlem.</p>'.repeat(200)}</body></html>`

/** A page's own policy, as Next.js sends it: its inline scripts' hashes (`/many-scripts` has 300). */
const pageCsp = (pathname: string) =>
  pagePolicy(
    Array.from(
      { length: pathname === '/many-scripts' ? 300 : 1 },
      (_, i) => `'sha256-${Buffer.from(`${pathname}${i}`).toString('base64')}'`,
    ),
  )

/** What Next.js sends with every response (next.config.js `headers()`). */
const NEXT_SECURITY_HEADERS = Object.fromEntries(SECURITY_HEADERS.map((h) => [h.key, h.value]))

/**
 * The test upstream's answer, like `next start`'s: search pages are rendered per request
 * (no-store), the JSON endpoints are cached by the front for a minute (but the hooks), preview
 * sets the draft-mode cookie as Next.js does in production, /moved redirects (relatively), and
 * every other path is a cached page, gzipped when asked.
 */
function answerLikeNext(request: IncomingMessage, response: ServerResponse, page: string): void {
  const url = new URL(request.url ?? '/', 'http://upstream')
  const html = {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': pageCsp(url.pathname),
  }
  const json = { 'Content-Type': 'application/json', 'Content-Security-Policy': NO_SCRIPT_POLICY }
  const cachedJson = {
    ...json,
    'Cache-Control': 'public, max-age=0, s-maxage=60, stale-while-revalidate=300',
  }
  const noStore = { 'Cache-Control': 'private, no-cache, no-store, max-age=0, must-revalidate' }
  const answer = (
    status: number,
    headers: Record<string, string | number>,
    body: string | Buffer,
  ) => {
    response.writeHead(status, { ...NEXT_SECURITY_HEADERS, ...headers })
    response.end(body)
  }
  if (url.pathname === '/search') return answer(200, { ...html, ...noStore }, '<p>Results</p>')
  if (url.pathname === '/api/search' || url.pathname.startsWith('/api/stories/')) {
    return answer(200, cachedJson, JSON.stringify({ url: request.url }))
  }
  if (url.pathname === '/api/preview') {
    return answer(
      307,
      {
        ...noStore,
        Location: '/tv',
        'Set-Cookie': `__prerender_bypass=${PREVIEW_ID}; Path=/; Secure; HttpOnly; SameSite=none`,
      },
      '',
    )
  }
  if (url.pathname.startsWith('/api/')) return answer(200, { ...json, ...noStore }, '{}')
  if (url.pathname === '/moved') return answer(308, { Location: '/tv' }, '/tv')
  const gzip = /\bgzip\b/.test(request.headers['accept-encoding'] ?? '')
  const body = gzip ? gzipSync(page) : Buffer.from(page)
  answer(
    200,
    {
      ...html,
      'Cache-Control': 's-maxage=60, stale-while-revalidate=31535940',
      Vary: 'rsc, next-router-state-tree, Accept-Encoding',
      ETag: '"page-1"',
      'Content-Length': body.length,
      ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
    },
    body,
  )
}

/**
 * Each security header once, with the list's value; the given policy (or none) once; HSTS once
 * over HTTPS and never over HTTP.
 */
function expectSecurityHeaders(
  answer: Pick<WireAnswer, 'rawHeaders'>,
  { csp, https = false }: { csp: string | undefined; https?: boolean },
): void {
  for (const { key, value } of SECURITY_HEADERS)
    expect(headerValues(answer, key), key).toEqual([value])
  expect(headerValues(answer, 'Content-Security-Policy')).toEqual(csp === undefined ? [] : [csp])
  expect(headerValues(answer, STRICT_TRANSPORT_SECURITY.key)).toEqual(
    https ? [STRICT_TRANSPORT_SECURITY.value] : [],
  )
}

/** The responses stored in an nginx cache folder (files named by their key's MD5). */
function cacheFiles(cache: string): string[] {
  return readdirSync(cache, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /^[0-9a-f]{32}$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
}

describe.skipIf(!which('nginx'))('the nginx front (ops/nginx/marquee.conf)', () => {
  /** Accept-Encoding of every request that reached the upstream, per path. */
  const seen = new Map<string, string[]>()
  /** Every request that reached the upstream, in order. */
  const received: Array<{ url: string; headers: IncomingHttpHeaders }> = []
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
      received.push({ url: request.url ?? '', headers: request.headers })
      const page = request.url === '/edited' ? `${PAGE}<p>Edition ${edition}</p>` : PAGE
      answerLikeNext(request, response, page)
    })
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve))
    ;({ nginx, prefix, base } = await startFront('nginx (front test)'))
  })

  /** Ports the fronts of this file listen on. */
  const ports = new Set<number>()

  /**
   * The front in front of the test upstream (or `to`), in a new prefix folder, once it answers;
   * `edit` changes its rendered config first, `config` its settings (`tls` takes a second port).
   */
  async function startFront(
    name: string,
    {
      edit = (conf: string) => conf,
      to = upstream,
      config = {},
    }: {
      edit?: (conf: string) => string
      to?: Server
      config?: Partial<Omit<FrontConfig, 'tls'>> & { tls?: { certificate: string; key: string } }
    } = {},
  ) {
    const port = await freePort(8600, 8699, ports)
    ports.add(port)
    const tlsPort = config.tls ? await freePort(8600, 8699, ports) : undefined
    if (tlsPort) ports.add(tlsPort)
    // A space in the path, as in a checkout under "My Projects": every path in the config is quoted.
    const prefix = mkdtempSync(path.join(os.tmpdir(), 'marquee front test-'))
    const conf = renderFrontConfig({
      listen: `127.0.0.1:${port}`,
      upstream: `127.0.0.1:${(to.address() as AddressInfo).port}`,
      staticDir: path.join(prefix, 'static'),
      previewId: PREVIEW_ID,
      ...config,
      tls: config.tls && { listen: `127.0.0.1:${tlsPort}`, ...config.tls },
    })
    const nginx = await startNginx(name, prefix, preparePrefix(prefix, edit(conf)))
    const base = `http://127.0.0.1:${port}`
    await waitForHttp(`${base}/_ready`, nginx)
    return { nginx, prefix, base, https: tlsPort ? `https://127.0.0.1:${tlsPort}` : '' }
  }

  /** Stops a front of one test and removes its folder. */
  async function stopFront(front: { nginx: Managed; prefix: string }) {
    await stop(front.nginx)
    rmSync(front.prefix, { recursive: true, force: true })
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
    const short = await startFront('nginx (expiry)', {
      edit: (conf) => {
        const edited = conf.replace('inactive=7d', 'inactive=1s')
        expect(edited).toContain('inactive=1s')
        return edited
      },
    })
    const { prefix: shortPrefix, base: shortBase } = short
    try {
      for (const page of ['/unasked-1', '/unasked-2']) await rawGet(`${shortBase}${page}`)
      const cache = frontCache(shortPrefix)
      // nginx stores an answer (and a Vary answer's variant) after sending it: let that settle.
      let stored = 0
      await vi.waitFor(
        async () => {
          const before = cacheFiles(cache).length
          await new Promise((resolve) => setTimeout(resolve, 300))
          stored = cacheFiles(cache).length
          expect(stored).toBe(before)
        },
        { timeout: 10_000 },
      )
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
    const front = await startFront('nginx (Next.js down)', { to: next })
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
      const page = await send(`${front.base}/never-cached`)
      expect(page.status).toBe(503)
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8')
      expect(page.body.toString('utf8')).toBe(errorPageDocument(UNAVAILABLE_PAGE))
      // The JSON endpoints answer in the shape of their other errors, whatever the method
      // (an editor's publish hook is a POST).
      const search = await send(`${front.base}/api/search?q=luke`)
      const hook = await send(`${front.base}/api/revalidate`, { method: 'POST' })
      for (const api of [search, hook]) {
        expect(api.status).toBe(503)
        expect(api.headers['content-type']).toBe('application/json')
        expect(JSON.parse(api.body.toString('utf8'))).toEqual({ error: 'unavailable' })
      }
      for (const down of [page, search, hook]) {
        expect(down.headers['retry-after']).toBe('30')
        expect(down.headers['cache-control']).toBe('no-store')
        expectSecurityHeaders(down, { csp: NO_SCRIPT_POLICY })
      }
    } finally {
      await stop(front.nginx)
      rmSync(front.prefix, { recursive: true, force: true })
    }
  })

  it('refuses a CSP report over 16 KB itself, before buffering it, with the endpoint’s 413', async () => {
    const report = (bytes: number) =>
      send(`${base}/api/csp-report`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/csp-report' },
        body: 'x'.repeat(bytes),
        localAddress: '127.0.0.40',
      })
    const before = received.length
    const big = await report(REPORT_BYTES_MAX + 1)
    expect(big.status).toBe(413)
    expect(big.headers['content-type']).toBe('application/json')
    expect(JSON.parse(big.body.toString('utf8'))).toEqual({
      error: 'invalid_request',
      issues: [{ path: '', message: `the body is over ${REPORT_BYTES_MAX} bytes` }],
    })
    expectSecurityHeaders(big, { csp: NO_SCRIPT_POLICY })
    expect(received.slice(before).map((request) => request.url)).toEqual([])
    // One at the limit goes on to Next.js, which judges what is in it.
    expect((await report(REPORT_BYTES_MAX)).status).toBe(200)
    expect(received.slice(before).map((request) => request.url)).toEqual(['/api/csp-report'])
  })

  it('answers a request nginx cannot read with the site’s page, its policy and every header', async () => {
    const before = received.length
    const answers = [
      // A control character in the method.
      [await sendRaw(base, 'G\x01T /tv HTTP/1.1\r\nHost: marquee.test\r\n\r\n'), 400],
      // An address over large_client_header_buffers (8 KB).
      [await send(`${base}/tv/${'a'.repeat(9000)}`), 414],
      // A header line over it: nginx's 494, sent as 400.
      [await send(`${base}/tv`, { headers: { Cookie: `c=${'x'.repeat(20_000)}` } }), 400],
    ] as const
    for (const [answer, status] of answers) {
      expect(answer.status).toBe(status)
      expect(answer.headers['content-type']).toBe('text/html; charset=utf-8')
      expect(answer.body.toString('utf8')).toBe(errorPageDocument(BAD_REQUEST_PAGE))
      expectSecurityHeaders(answer, { csp: NO_SCRIPT_POLICY })
    }
    expect(received.slice(before)).toEqual([])
  })

  it('answers a request for the 400 page itself with a 404, its policy and every header', async () => {
    const before = received.length
    for (const path of ['/_front/bad-request.html', '/_front/bad-request.html?x=1']) {
      const answer = await send(`${base}${path}`)
      expect(answer.status, path).toBe(404)
      expect(answer.body.toString('utf8')).not.toContain('could not be read')
      expectSecurityHeaders(answer, { csp: NO_SCRIPT_POLICY })
    }
    expect(received.slice(before)).toEqual([])
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

  describe('security headers', () => {
    it('sends each once on a page, from Next.js and from the cache, with its own policy', async () => {
      for (const expected of ['MISS', 'HIT']) {
        const page = await send(`${base}/headers-page`)
        expect([page.status, page.headers['x-cache-status']]).toEqual([200, expected])
        expectSecurityHeaders(page, { csp: pageCsp('/headers-page') })
      }
      // Another page, another policy: each passes through as Next.js wrote it.
      expectSecurityHeaders(await send(`${base}/other-page`), { csp: pageCsp('/other-page') })
    })

    it("stores a page's policy but none of Next.js's security headers, which the cache adds", async () => {
      expectSecurityHeaders(await send(`${base}/stored-headers`), {
        csp: pageCsp('/stored-headers'),
      })
      const stored = cacheFiles(path.join(prefix, 'cache'))
        .map((file) => readFileSync(file, 'latin1'))
        .filter((text) => text.includes('\nKEY: /stored-headers'))
      expect(stored).toHaveLength(1)
      const head = stored[0]!.slice(0, stored[0]!.indexOf('\r\n\r\n'))
      expect(head).toContain(`Content-Security-Policy: ${pageCsp('/stored-headers')}`)
      for (const { key } of SECURITY_HEADERS) expect(head, key).not.toContain(`${key}:`)
    })

    it("passes a page's long policy through both of its hops, from Next.js and from the cache", async () => {
      expect(pageCsp('/many-scripts').length).toBeGreaterThan(8 * 1024)
      for (const expected of ['MISS', 'HIT']) {
        const page = await send(`${base}/many-scripts`)
        expect([page.status, page.headers['x-cache-status']]).toEqual([200, expected])
        expectSecurityHeaders(page, { csp: pageCsp('/many-scripts') })
      }
    })

    it('sends each once on JSON, a redirect and the search page', async () => {
      for (const pathname of ['/api/stories/luke?exclude=a', '/moved', '/search?q=headers']) {
        const answer = await send(`${base}${pathname}`)
        expect(answer.status, pathname).toBeLessThan(400)
        const csp = pathname === '/moved' ? undefined : pathname.startsWith('/api/')
        expectSecurityHeaders(answer, {
          csp: csp === undefined ? undefined : csp ? NO_SCRIPT_POLICY : pageCsp('/search'),
        })
      }
    })

    it('sends each once on a build file from disk, with a policy of its own', async () => {
      const file = path.join(prefix, 'static', 'chunks', 'app.js')
      mkdirSync(path.dirname(file), { recursive: true })
      writeFileSync(file, 'console.log("marquee")\n', { mode: 0o644 })
      for (const dir of ['static', 'static/chunks']) {
        execFileSync('chmod', ['755', path.join(prefix, dir)])
      }
      const answer = await send(`${base}/_next/static/chunks/app.js`)
      expect(answer.status).toBe(200)
      expect(answer.headers['content-type']).toBe('application/javascript')
      expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable')
      expectSecurityHeaders(answer, { csp: NO_SCRIPT_POLICY })
    })
  })

  describe('a Host the site does not serve', () => {
    it('reaches Next.js as the configured host name, and changes no redirect', async () => {
      const from = received.length
      const moved = await send(`${base}/moved`, { headers: { Host: 'evil.example' } })
      expect([moved.status, moved.headers.location]).toEqual([308, '/tv'])
      const page = await send(`${base}/host-page`, { headers: { Host: 'evil.example:8080' } })
      expect(page.status).toBe(200)
      const sent = received.slice(from).map((request) => request.headers)
      expect(sent.map((headers) => [headers.host, headers['x-forwarded-host']])).toEqual([
        ['127.0.0.1', '127.0.0.1'],
        ['127.0.0.1', '127.0.0.1'],
      ])
      // And the address a client sent in X-Real-IP is replaced by its own.
      await send(`${base}/host-page-2`, { headers: { 'X-Real-IP': '203.0.113.9' } })
      expect(received.at(-1)?.headers['x-real-ip']).toBe('127.0.0.1')
    })
  })

  describe('rate limits', () => {
    /** A front of its own: its limits' counts start at zero. */
    let limits: Awaited<ReturnType<typeof startFront>>
    beforeAll(async () => {
      limits = await startFront('nginx (limits)')
    })
    afterAll(async () => {
      if (limits) await stopFront(limits)
    })

    /** Each case from a client address of its own, so that no case uses up another's. */
    const cases = [
      { what: 'the search page', burst: 20, html: true, url: (n: number) => `/search?q=s${n}` },
      { what: 'the search API', burst: 20, url: (n: number) => `/api/search?q=s${n}` },
      { what: 'the story API', burst: 40, url: (n: number) => `/api/stories/a?exclude=s${n}` },
      { what: 'preview', burst: 10, url: (n: number) => `/api/preview?secret=wrong${n}` },
      { what: 'the publish hook', burst: 10, method: 'POST', url: () => '/api/revalidate' },
      { what: 'CSP reports', burst: 20, method: 'POST', url: () => '/api/csp-report' },
    ]
    it.each(cases.map((entry, index) => ({ ...entry, client: `127.0.0.${20 + index}` })))(
      '$what: a burst passes, then 429 with Retry-After and the site’s own answer',
      async ({ burst, html, method = 'GET', url, client }) => {
        const ask = (n: number) => send(`${limits.base}${url(n)}`, { method, localAddress: client })
        // One after another: the first request and the burst pass, however slow the machine.
        const passed: number[] = []
        for (let n = 0; n <= burst; n++) passed.push((await ask(n)).status)
        expect(passed).not.toContain(429)
        // Then 30 at once: what the zone's rate let back in meanwhile passes, the rest is refused.
        const answers = await Promise.all(Array.from({ length: 30 }, (_, n) => ask(burst + 1 + n)))
        const refused = answers.filter((answer) => answer.status === 429)
        expect(refused.length).toBeGreaterThanOrEqual(10)
        for (const answer of refused) {
          expect(answer.headers['retry-after']).toBe('1')
          expect(answer.headers['cache-control']).toBe('no-store')
          expectSecurityHeaders(answer, { csp: NO_SCRIPT_POLICY })
          if (html) {
            expect(answer.headers['content-type']).toBe('text/html; charset=utf-8')
            expect(answer.body.toString('utf8')).toBe(errorPageDocument(TOO_MANY_REQUESTS_PAGE))
          } else {
            expect(answer.headers['content-type']).toBe('application/json')
            expect(JSON.parse(answer.body.toString('utf8'))).toEqual({ error: 'too_many_requests' })
          }
        }
        // Another client is not held back, and a refused address was not stored as refused.
        const first = answers.findIndex((answer) => answer.status === 429)
        const other = await send(`${limits.base}${url(burst + 1 + first)}`, {
          method,
          localAddress: '127.0.0.99',
        })
        expect(other.status).not.toBe(429)
      },
    )

    it('never limits what the cache answers, under the same burst', async () => {
      const client = '127.0.0.40'
      const cached = ['/cached-article', '/api/search?q=cached', '/api/stories/cached?exclude=a']
      for (const pathname of cached) {
        const first = await send(`${limits.base}${pathname}`, { localAddress: client })
        expect([first.status, first.headers['x-cache-status']]).toEqual([200, 'MISS'])
      }
      // 60 distinct searches and 60 of each cached answer, all at once, from the same client.
      const burst = await Promise.all(
        Array.from({ length: 60 }, (_, n) => [
          send(`${limits.base}/search?q=burst${n}`, { localAddress: client }),
          ...cached.map((pathname) => send(`${limits.base}${pathname}`, { localAddress: client })),
        ]).flat(),
      )
      const searches = burst.filter((_, index) => index % 4 === 0)
      const fromCache = burst.filter((_, index) => index % 4 !== 0)
      expect(searches.filter((answer) => answer.status === 429).length).toBeGreaterThan(20)
      expect(new Set(fromCache.map((answer) => answer.status))).toEqual(new Set([200]))
      expect(new Set(fromCache.map((answer) => answer.headers['x-cache-status']))).toEqual(
        new Set(['HIT']),
      )
    })

    it('writes no line in the error log for a refusal (the access log has its 429)', () => {
      expect(readFileSync(path.join(limits.prefix, 'logs', 'error.log'), 'utf8')).toBe('')
    })
  })

  describe.skipIf(!which('openssl'))('over HTTPS', () => {
    let tls: Awaited<ReturnType<typeof startFront>>
    let certs: string
    let ca: Buffer
    beforeAll(async () => {
      certs = mkdtempSync(path.join(os.tmpdir(), 'marquee-front-tls-'))
      const [certificate, key] = [path.join(certs, 'cert.pem'), path.join(certs, 'key.pem')]
      execFileSync(
        'openssl',
        [
          ...['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1'],
          ...['-nodes', '-days', '2', '-subj', '/CN=127.0.0.1'],
          ...['-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost'],
          ...['-keyout', key, '-out', certificate],
        ],
        { stdio: 'ignore' },
      )
      ca = readFileSync(certificate)
      tls = await startFront('nginx (TLS)', { config: { tls: { certificate, key } } })
    })
    afterAll(async () => {
      if (tls) await stopFront(tls)
      if (certs) rmSync(certs, { recursive: true, force: true })
    })

    it('serves HTTP/2 with HSTS and each security header once, cached or not', async () => {
      for (const expected of ['MISS', 'HIT']) {
        const page = await http2Get(tls.https, '/tls-page', { ca })
        expect([page.protocol, page.status, page.headers['x-cache-status']]).toEqual([
          'h2',
          200,
          expected,
        ])
        expect(page.body.toString('utf8')).toBe(PAGE)
        expectSecurityHeaders(page, { csp: pageCsp('/tls-page'), https: true })
      }
      const json = await http2Get(tls.https, '/api/search?q=tls', { ca })
      expectSecurityHeaders(json, { csp: NO_SCRIPT_POLICY, https: true })
      // HTTP/1.1 over TLS too, and Next.js is told the request came over HTTPS.
      const old = await send(`${tls.https}/tls-old`, { ca })
      expect(old.status).toBe(200)
      expectSecurityHeaders(old, { csp: pageCsp('/tls-old'), https: true })
      expect(received.at(-1)?.headers['x-forwarded-proto']).toBe('https')
    })

    it('marks the preview cookie Secure, HttpOnly and SameSite=Lax', async () => {
      const answer = await http2Get(tls.https, '/api/preview?secret=x&path=/tv', { ca })
      expect(answer.status).toBe(307)
      expect(answer.headers['set-cookie']).toEqual([
        `__prerender_bypass=${PREVIEW_ID}; Path=/; Secure; HttpOnly; SameSite=Lax`,
      ])
    })

    it('redirects HTTP to the same path and query on HTTPS, without HSTS', async () => {
      const port = new URL(tls.https).port
      for (const pathname of ['/', '/tv/luke-cage?page=2&q=a%20b', '/search?q=x#y']) {
        const answer = await send(`${tls.base}${pathname}`)
        expect(answer.status, pathname).toBe(301)
        const target = pathname.replace(/#.*/, '')
        expect(answer.headers.location).toBe(`https://127.0.0.1:${port}${target}`)
        expectSecurityHeaders(answer, { csp: NO_SCRIPT_POLICY })
      }
      // Never to the host a client made up.
      for (const host of ['evil.example', 'evil.example:443', '127.0.0.1.evil.example']) {
        const answer = await send(`${tls.base}/tv`, { headers: { Host: host } })
        expect(answer.headers.location).toBe(`https://127.0.0.1:${port}/tv`)
      }
      // Nor is any Location of an HTTPS answer built from it.
      const moved = await http2Get(tls.https, '/moved', {
        ca,
        headers: { ':authority': 'evil.example' },
      })
      expect([moved.status, moved.headers.location]).toEqual([308, '/tv'])
      expect(received.at(-1)?.headers.host).toBe('127.0.0.1')
    })

    it('names the configured host in the redirect, and leaves out :443', () => {
      const conf = renderFrontConfig({
        listen: '0.0.0.0:80',
        upstream: '127.0.0.1:3000',
        staticDir: '/srv/s',
        previewId: PREVIEW_ID,
        serverName: 'marquee.example',
        tls: { listen: '0.0.0.0:443', certificate: '/etc/c.pem', key: '/etc/k.pem' },
      })
      expect(conf).toContain('return 301 https://marquee.example$request_uri;')
      expect(conf).toContain('listen 0.0.0.0:443 ssl http2 default_server;')
      expect(conf).toContain('ssl_certificate "/etc/c.pem";')
    })
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

describe('the rendered config', () => {
  const config = {
    listen: '127.0.0.1:8080',
    upstream: '127.0.0.1:3000',
    staticDir: '/srv/s',
    previewId: PREVIEW_ID,
  }
  const directives = (conf: string) =>
    conf.split('\n').filter((line) => !line.trimStart().startsWith('#'))

  it('fills in every placeholder but the prefix folder, which preparePrefix does', () => {
    for (const conf of [
      renderFrontConfig(config),
      renderFrontConfig({
        ...config,
        tls: { listen: '127.0.0.1:8443', certificate: '/c', key: '/k' },
      }),
    ]) {
      const left =
        directives(conf)
          .join('\n')
          .match(/@@[A-Z_]+@@/g) ?? []
      expect(new Set(left)).toEqual(new Set(['@@PREFIX@@']))
      expect(conf).not.toMatch(/^\s*# @@(END_)?IF_TLS@@$/m)
    }
  })

  it('without a certificate, serves the site on `listen` with no HTTPS part', () => {
    const conf = renderFrontConfig(config)
    expect(conf).toContain('listen 127.0.0.1:8080 default_server;')
    const https = [
      'ssl',
      'add_header Strict-Transport-Security',
      'return 301',
      'proxy_cookie_flags',
    ]
    for (const directive of https) {
      expect(directives(conf).join('\n')).not.toContain(directive)
    }
    expect(conf).toContain('proxy_set_header Host 127.0.0.1;')
  })

  it('takes the security headers from lib/server/security-headers.ts', () => {
    const conf = renderFrontConfig(config)
    for (const { key, value } of SECURITY_HEADERS) {
      expect(conf).toContain(`add_header ${key} "${value}" always;`)
      expect(conf).toContain(`proxy_hide_header ${key};`)
    }
    expect(conf).toContain(`add_header Content-Security-Policy "${NO_SCRIPT_POLICY}" always;`)
  })

  it('takes only a host name for the site', () => {
    for (const serverName of ['evil.example; return 200', 'a b', '$host', '']) {
      expect(() => renderFrontConfig({ ...config, serverName }), serverName).toThrow('serverName')
    }
    // Listening on every address names no host: it must be given.
    expect(() => renderFrontConfig({ ...config, listen: '0.0.0.0:80' })).toThrow('serverName')
    expect(
      renderFrontConfig({ ...config, listen: '0.0.0.0:80', serverName: 'a.example' }),
    ).toContain('server_name a.example;')
  })

  it('writes no value nginx would read as a variable or the end of a string', () => {
    expect(nginxString("default-src 'self'")).toBe(`"default-src 'self'"`)
    for (const bad of ['a$b', 'a"b', 'a\\b', 'a\nb']) expect(() => nginxString(bad)).toThrow()
    expect(() =>
      renderFrontConfig({
        ...config,
        tls: { listen: '127.0.0.1:8443', certificate: '/certs/$host.pem', key: '/k' },
      }),
    ).toThrow('cannot be written into the nginx config')
  })
})
