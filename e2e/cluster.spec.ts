/**
 * Several instances, one cache (issue #23): `INSTANCES=3 npm run start:front` (three `next start`
 * of a copy of the build, Redis started from ops/redis/redis.conf, nginx balancing them) on a copy
 * of the library with stories no build has seen. Runs in the `cluster` project, after every
 * other one: its loads would slow them. Loopback only; ports from CLUSTER_PORT (next),
 * CLUSTER_FRONT_PORT and CLUSTER_REDIS_PORT, else free ones; everything stopped by its PID.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { z } from 'zod'
import { freePort } from '../scripts/lib/ports'
import { stop, type Managed } from '../scripts/lib/processes'
import { pingRedis, startRedis } from '../scripts/lib/redis'
import { copyBuild } from './support/server'
import { REVALIDATE_SECRET } from './support/secrets'
import { storyMarkdown } from './support/story'
import { expect, test } from './support/test'

test.describe.configure({ mode: 'serial' })

const INSTANCES = 3
/** The least a load lasts; it goes on until what runs under it is done, plus LOAD_TAIL_MS. */
const LOAD_SECONDS = 30
const LOAD_TAIL_MS = 2000
/** wrk's own limit: an answer slower than this (a busy shared machine) is not a lost one. */
const WRK_TIMEOUT = '10s'
/** Stories written into the library copy before the cluster starts: never rendered by anyone. */
const FRESH = ['cluster-shared', 'cluster-revalidated', 'cluster-after-redis']

const loadReport = z.object({
  requests: z.number(),
  duration_us: z.number().positive(),
  ok: z.number(),
  status4xx: z.number(),
  status5xx: z.number(),
  /** wrk's errors by kind: each is a request the reader lost. */
  errors: z.object({
    connect: z.number(),
    read: z.number(),
    write: z.number(),
    timeout: z.number(),
  }),
  p50_us: z.number(),
  p99_us: z.number(),
  max_us: z.number(),
})

const healthBody = z.object({ status: z.string(), pid: z.number() })

function story(title: string) {
  return storyMarkdown({
    title,
    dek: 'A story only the instances of this test have seen.',
    publishedAt: new Date(Date.now() - 60_000),
    body: 'Shared between three servers.',
  })
}

let front: ChildProcess
let output = ''
let contentDir: string
let distDir: string
let ports: { next: number[]; front: number; redis: number }
let restartedRedis: Managed | undefined

const instance = (index: number) => `http://127.0.0.1:${ports.next[index]}`
const frontBase = () => `http://127.0.0.1:${ports.front}`

async function health(index: number) {
  const response = await fetch(`${instance(index)}/api/health`).catch(() => undefined)
  if (!response) return undefined
  return { code: response.status, ...healthBody.parse(await response.json()) }
}

async function get(base: string, url: string) {
  const response = await fetch(`${base}${url}`)
  return {
    status: response.status,
    cache: response.headers.get('x-nextjs-cache'),
    html: await response.text(),
  }
}

/** Waits until instance `index` answers health with 200 from a process other than `notPid`. */
async function healthy(index: number, notPid?: number) {
  let pid = 0
  await expect
    .poll(
      async () => {
        const answer = await health(index)
        pid = answer?.pid ?? 0
        return answer?.code === 200 && answer.pid !== notPid
      },
      { timeout: 60_000, intervals: [200] },
    )
    .toBe(true)
  return pid
}

/**
 * wrk through the front (scripts/lib/cluster-load.lua) for at least `seconds` and until `during`
 * is done, plus LOAD_TAIL_MS: stopped by SIGINT, after which it reports.
 */
async function underLoad(seconds: number, during: () => Promise<void>) {
  const wrk = spawn(
    'wrk',
    [
      '-t2',
      '-c64',
      '-d300s',
      '--timeout',
      WRK_TIMEOUT,
      `--script=${path.resolve('scripts/lib/cluster-load.lua')}`,
      frontBase(),
      '--',
      '/tv/luke-cage-season-2-set-photos',
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  )
  let stdout = ''
  wrk.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  const exited = new Promise((resolve) => wrk.once('exit', resolve))
  const started = Date.now()
  try {
    await during()
    const rest = Math.max(seconds * 1000 - (Date.now() - started), LOAD_TAIL_MS)
    await new Promise((resolve) => setTimeout(resolve, rest))
  } finally {
    wrk.kill('SIGINT')
    await exited
  }
  const line = stdout.split('\n').find((text) => text.startsWith('LOAD_JSON '))
  return loadReport.parse(JSON.parse(line?.slice('LOAD_JSON '.length) ?? 'null'))
}

test.beforeAll(async () => {
  test.setTimeout(180_000)
  const fixed = (name: string) => (process.env[name] ? Number(process.env[name]) : undefined)
  const first = fixed('CLUSTER_PORT') ?? (await freePort(3600, 3690))
  ports = {
    next: Array.from({ length: INSTANCES }, (_, index) => first + index),
    front: fixed('CLUSTER_FRONT_PORT') ?? (await freePort(8600, 8699)),
    redis: fixed('CLUSTER_REDIS_PORT') ?? (await freePort(6390, 6399)),
  }
  contentDir = await mkdtemp(path.join(os.tmpdir(), 'marquee-cluster-'))
  await cp('content', contentDir, { recursive: true })
  for (const slug of FRESH) {
    await writeFile(path.join(contentDir, 'articles', `${slug}.md`), story(`Fresh ${slug}`))
  }
  distDir = await copyBuild('cluster')
  front = spawn('npm', ['run', 'start:front'], {
    env: {
      ...process.env,
      NEXT_DIST_DIR: distDir,
      CONTENT_DIR: contentDir,
      NEXT_TELEMETRY_DISABLED: '1',
      INSTANCES: String(INSTANCES),
      PORT: String(ports.next[0]),
      FRONT_PORT: String(ports.front),
      REDIS_PORT: String(ports.redis),
      REDIS_URL: '',
      REVALIDATE_SECRET,
    },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  front.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  front.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  await expect
    .poll(() => output.includes(`Marquee: ${frontBase()}/`) || front.exitCode !== null, {
      timeout: 150_000,
      message: 'start:front did not come up',
    })
    .toBe(true)
  expect(front.exitCode, output).toBeNull()
})

test.afterAll(async () => {
  if (front?.pid && front.exitCode === null) {
    const exited = new Promise((resolve) => front.once('exit', resolve))
    process.kill(-front.pid, 'SIGTERM')
    await exited
  }
  if (restartedRedis) await stop(restartedRedis)
  await rm(distDir, { recursive: true, force: true })
  await rm(contentDir, { recursive: true, force: true })
})

test('a story rendered by one instance is a cache hit on the other two', async () => {
  const url = '/tv/cluster-shared'
  const first = await get(instance(0), url)
  expect(first.status).toBe(200)
  expect(first.html).toContain('Fresh cluster-shared')
  // Next says how it answered: MISS is a render, HIT an answer from the cache handler (Redis:
  // these instances keep no copy of their own), so no second render happened.
  expect(first.cache).toBe('MISS')
  for (const index of [1, 2]) {
    const other = await get(instance(index), url)
    expect(other.status).toBe(200)
    expect(other.cache, `instance ${index}`).toBe('HIT')
    expect(other.html).toBe(first.html)
  }
})

test('revalidation through one instance changes the page on all three', async () => {
  const url = '/tv/cluster-revalidated'
  for (const index of [0, 1, 2]) {
    expect((await get(instance(index), url)).html).toContain('Fresh cluster-revalidated')
  }
  const file = path.join(contentDir, 'articles', 'cluster-revalidated.md')
  await writeFile(file, (await readFile(file, 'utf8')).replace('Fresh cluster', 'Edited cluster'))
  const hook = await fetch(`${instance(1)}/api/revalidate`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${REVALIDATE_SECRET}` },
  })
  expect(hook.status).toBe(200)
  for (const index of [0, 1, 2]) {
    await expect
      .poll(async () => (await get(instance(index), url)).html.includes('Edited cluster'), {
        timeout: 10_000,
        message: `instance ${index} shows the edit`,
      })
      .toBe(true)
  }
})

test('SIGKILL of one instance, then a rolling SIGTERM restart of all three, under load', async () => {
  test.setTimeout((LOAD_SECONDS + 120) * 1000)
  const started = Date.now()
  const steps: string[] = []
  const report = await underLoad(LOAD_SECONDS, async () => {
    await new Promise((resolve) => setTimeout(resolve, 3000))
    const killed = await healthy(1)
    process.kill(killed, 'SIGKILL')
    await healthy(1, killed)
    steps.push(`SIGKILL ${killed}, back after ${Date.now() - started} ms`)
    for (const index of [0, 1, 2]) {
      const pid = await healthy(index)
      process.kill(pid, 'SIGTERM')
      await healthy(index, pid)
      steps.push(`SIGTERM instance ${index}, back after ${Date.now() - started} ms`)
    }
  })
  console.log(JSON.stringify({ steps, report }))
  expect(report.requests).toBeGreaterThan(0)
  expect(report.errors).toEqual({ connect: 0, read: 0, write: 0, timeout: 0 })
  expect(report.status5xx).toBe(0)
  expect(report.status4xx).toBe(0)
})

test('Redis stopped under load: no 5xx; started again, renders are shared again', async () => {
  test.setTimeout((LOAD_SECONDS + 120) * 1000)
  const pid = Number(await readFile(path.resolve('.redis', 'redis.pid'), 'utf8'))
  // The same load as the SIGKILL test's (64 connections, at least LOAD_SECONDS).
  const report = await underLoad(LOAD_SECONDS, async () => {
    await new Promise((resolve) => setTimeout(resolve, 2000))
    process.kill(pid, 'SIGTERM')
    await expect.poll(() => pingRedis(ports.redis), { timeout: 10_000 }).toBe(false)
    // Pages never stored in Redis render on each instance meanwhile.
    const during = await get(frontBase(), '/tv/cluster-after-redis?during=outage')
    expect(during.status).toBe(200)
  })
  console.log(JSON.stringify({ redisStopped: report }))
  expect(report.status5xx).toBe(0)
  expect(report.errors).toEqual({ connect: 0, read: 0, write: 0, timeout: 0 })
  const logged = output.match(/\[marquee\] Redis \(.*\) unreachable/g) ?? []
  // Once per outage and instance, not once per request.
  expect(logged.length).toBeGreaterThan(0)
  expect(logged.length).toBeLessThanOrEqual(INSTANCES)

  restartedRedis = await startRedis('redis-server (cluster test)', ports.redis, '.redis')
  for (const index of [0, 1, 2]) await healthy(index)
  const url = '/tv/luke-cage-season-2-set-photos?after=redis'
  // A page none rendered since Redis came back empty: a render on one, a hit on the others.
  const fresh = '/gallery/luke-cage-season-2-set-photos/2'
  expect((await get(instance(0), fresh)).cache).toBe('MISS')
  expect((await get(instance(2), fresh)).cache).toBe('HIT')
  expect((await get(frontBase(), url)).status).toBe(200)
})
