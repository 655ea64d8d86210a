/**
 * The nginx front (ops/nginx/marquee.conf) in front of the production build under test: a flood
 * of distinct searches from one client address is refused with 429s while a reader on another
 * address keeps getting the cached article fast (issue #8), and over HTTPS the preview cookie is
 * Secure. Runs in the `front` project, after every other one, so that the flood slows no other
 * test and no other test's load enters its measurement. Loopback only; every process it starts
 * is stopped by its process group.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { Agent } from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { expect, test } from './support/test'
import { z } from 'zod'
import { SECURITY_HEADERS, STRICT_TRANSPORT_SECURITY } from '../lib/server/security-headers'
import {
  preparePrefix,
  previewModeId,
  renderFrontConfig,
  startNginx,
  type FrontConfig,
} from '../scripts/lib/front'
import { freePort } from '../scripts/lib/ports'
import { run, stop, waitForHttp, type Managed } from '../scripts/lib/processes'
import { which } from '../scripts/lib/tools'
import { headerValues, http2Get, send } from '../scripts/lib/wire'
import { drafts } from './support/content'
import { PREVIEW_SECRET } from './support/secrets'

const ARTICLE = '/tv/luke-cage-season-2-set-photos'
const FLOOD_SECONDS = 30
const FLOOD_CONNECTIONS = 64
/** The search zone's rate and burst (ops/nginx/marquee.conf). */
const SEARCH_RATE = 5
const SEARCH_BURST = 20

const floodReport = z.object({
  requests: z.number(),
  duration_us: z.number().positive(),
  limited: z.number(),
  passed: z.number(),
  other: z.number(),
  socket_errors: z.number(),
  p50_us: z.number(),
  p99_us: z.number(),
})

interface Front {
  nginx: Managed
  prefix: string
  base: string
  https: string
}

/** A front of the test's own before the test server (baseURL), in a temporary prefix folder. */
async function startFront(
  name: string,
  baseURL: string,
  tls?: Omit<NonNullable<FrontConfig['tls']>, 'listen'>,
): Promise<Front> {
  const port = await freePort(8700, 8799)
  const tlsPort = tls ? await freePort(8700, 8799, new Set([port])) : undefined
  const prefix = mkdtempSync(path.join(os.tmpdir(), 'marquee-front-e2e-'))
  const conf = renderFrontConfig({
    listen: `127.0.0.1:${port}`,
    upstream: new URL(baseURL).host,
    staticDir: path.resolve('.next', 'static'),
    previewId: previewModeId(path.resolve('.next')),
    tls: tls && { listen: `127.0.0.1:${tlsPort}`, ...tls },
  })
  const nginx = await startNginx(name, prefix, preparePrefix(prefix, conf))
  const base = `http://127.0.0.1:${port}`
  await waitForHttp(`${base}/robots.txt`, nginx, 15_000)
  return { nginx, prefix, base, https: tlsPort ? `https://127.0.0.1:${tlsPort}` : '' }
}

async function stopFront(front: Front | undefined): Promise<void> {
  if (!front) return
  await stop(front.nginx)
  rmSync(front.prefix, { recursive: true, force: true })
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!

test.describe('the nginx front', () => {
  test.skip(!which('nginx'), 'nginx is not installed (.ci/run installs it)')
  // One after the other, in one worker (nothing else runs during the flood), each whatever the
  // other's outcome.
  test.describe.configure({ mode: 'default' })

  test('a flood of distinct searches gets 429s; a reader on another address still gets the cached article fast', async ({
    baseURL,
  }) => {
    test.skip(!which('wrk'), 'wrk is not installed (.ci/run installs it)')
    test.setTimeout((FLOOD_SECONDS + 60) * 1000)
    const front = await startFront('nginx (flood)', baseURL!)
    try {
      const reader = new Agent({ keepAlive: true, maxSockets: 1, localAddress: '127.0.0.2' })
      const read = () =>
        send(`${front.base}${ARTICLE}`, {
          agent: reader,
          localAddress: '127.0.0.2',
          headers: { 'Accept-Encoding': 'gzip, deflate, br' },
        })
      // The article in the front's cache, as it is for readers after the first.
      await expect.poll(async () => (await read()).headers['x-cache-status']).toBe('HIT')
      /** The reader, reading back to back until `until`: each answer's time, and what went wrong. */
      const readUntil = async (until: number) => {
        const latencies: number[] = []
        const failures: string[] = []
        while (Date.now() < until) {
          const sent = performance.now()
          try {
            const answer = await read()
            latencies.push(performance.now() - sent)
            const status = `${answer.status} ${answer.headers['x-cache-status']}`
            if (!/^200 (HIT|STALE|UPDATING)$/.test(status)) failures.push(status)
          } catch (error) {
            failures.push((error as Error).message)
          }
        }
        return { latencies: latencies.sort((a, b) => a - b), failures }
      }
      // The reader alone first: what this machine allows without a flood (other work on a shared
      // machine shows here, and tells it apart from the flood's effect when the test fails).
      const alone = await readUntil(Date.now() + 3000)

      const started = Date.now()
      const flood = run(
        'wrk (flood)',
        which('wrk')!,
        [
          // One thread: on a small machine the flood's client must leave the front some CPU, as an
          // attacker elsewhere on the network would.
          '--threads=1',
          `--connections=${FLOOD_CONNECTIONS}`,
          `--duration=${FLOOD_SECONDS}s`,
          '--timeout=5s',
          `--script=${path.resolve('scripts/lib/flood.lua')}`,
          front.base,
        ],
        { timeoutMs: (FLOOD_SECONDS + 30) * 1000 },
      )
      // The reader reads while the flood runs, a second in from its start to a second before its end.
      await new Promise((resolve) => setTimeout(resolve, 1000))
      const { latencies, failures } = await readUntil(started + (FLOOD_SECONDS - 1) * 1000)
      reader.destroy()
      const { stdout } = await flood
      const line = stdout.split('\n').find((text) => text.startsWith('FLOOD_JSON '))
      const report = floodReport.parse(JSON.parse(line?.slice('FLOOD_JSON '.length) ?? 'null'))

      const seconds = report.duration_us / 1e6
      const figures = {
        flood: {
          requests: report.requests,
          perSecond: Math.round(report.requests / seconds),
          limited429: report.limited,
          passed: report.passed,
          other: report.other,
          socketErrors: report.socket_errors,
          p99Ms: report.p99_us / 1000,
        },
        reader: {
          requests: latencies.length,
          failures: failures.length,
          p50Ms: Number(percentile(latencies, 50).toFixed(2)),
          p99Ms: Number(percentile(latencies, 99).toFixed(2)),
          maxMs: Number(latencies.at(-1)!.toFixed(2)),
        },
        readerAlone: {
          requests: alone.latencies.length,
          failures: alone.failures.length,
          p50Ms: Number(percentile(alone.latencies, 50).toFixed(2)),
          p99Ms: Number(percentile(alone.latencies, 99).toFixed(2)),
        },
        loadAverage: Number(os.loadavg()[0]!.toFixed(1)),
      }
      console.log(`front under a search flood: ${JSON.stringify(figures)}`)
      test.info().annotations.push({ type: 'measured', description: JSON.stringify(figures) })

      // The flood: refused but for the search zone's rate and burst, and no server error. (wrk
      // may time out on a search that Next.js renders slowly on a busy machine: counted, shown.)
      expect(report.limited).toBeGreaterThan(report.requests * 0.9)
      expect(report.passed).toBeLessThanOrEqual(Math.ceil(seconds * SEARCH_RATE) + SEARCH_BURST + 1)
      expect(report.other).toBe(0)
      // The reader: never an error, every answer from the cache, p99 under 25 ms.
      expect(failures).toEqual([])
      expect(latencies.length).toBeGreaterThan(100)
      expect(figures.reader.p99Ms, JSON.stringify(figures)).toBeLessThan(25)
    } finally {
      await stopFront(front)
    }
  })

  test('over HTTPS: HTTP/2, HSTS, each security header once, and a Secure preview cookie', async ({
    baseURL,
  }) => {
    test.skip(!which('openssl'), 'openssl is not installed')
    const certs = mkdtempSync(path.join(os.tmpdir(), 'marquee-front-e2e-tls-'))
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
    const ca = readFileSync(certificate)
    let front: Front | undefined
    try {
      front = await startFront('nginx (TLS)', baseURL!, { certificate, key })
      const page = await http2Get(front.https, ARTICLE, { ca })
      expect([page.protocol, page.status]).toEqual(['h2', 200])
      for (const { key: name, value } of SECURITY_HEADERS) {
        expect(headerValues(page, name), name).toEqual([value])
      }
      expect(headerValues(page, STRICT_TRANSPORT_SECURITY.key)).toEqual([
        STRICT_TRANSPORT_SECURITY.value,
      ])
      expect(headerValues(page, 'Content-Security-Policy').length).toBeLessThanOrEqual(1)
      // Next.js, sent the configured host name rather than the reader's, still serves its images.
      const image = /src="(\/_next\/image\?[^"]+)"/.exec(page.body.toString('utf8'))?.[1]
      expect(image).toBeDefined()
      const resized = await http2Get(front.https, image!.replaceAll('&amp;', '&'), { ca })
      expect(resized.status).toBe(200)
      expect(resized.headers['content-type']).toMatch(/^image\//)

      const redirect = await send(`${front.base}${ARTICLE}?ref=x`, {
        headers: { Host: 'evil.example' },
      })
      expect([redirect.status, redirect.headers.location]).toEqual([
        301,
        `${front.https}${ARTICLE}?ref=x`,
      ])

      const draft = drafts[0]!
      const preview = await http2Get(
        front.https,
        `/api/preview?secret=${PREVIEW_SECRET}&path=${encodeURIComponent(draft.url)}`,
        { ca },
      )
      expect(preview.status).toBe(307)
      const cookie = [preview.headers['set-cookie'] ?? []].flat()
      expect(cookie).toHaveLength(1)
      expect(cookie[0]).toMatch(/^__prerender_bypass=[0-9a-f]{32}; /)
      expect(cookie[0]!.split('; ').slice(1).sort()).toEqual(
        ['HttpOnly', 'Path=/', 'SameSite=Lax', 'Secure'].sort(),
      )
    } finally {
      await stopFront(front)
      rmSync(certs, { recursive: true, force: true })
    }
  })
})
