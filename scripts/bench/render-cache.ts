/**
 * `npm run bench -- --render-cache`: issue #23's figures for the shared render cache (README,
 * "Running on several machines"), with `next start` of this build on 127.0.0.1 (no front) on a
 * synthetic library of 10,000 stories (or --library):
 *   - first renders per second of distinct never-rendered stories, 1 instance and 2 sharing one
 *     Redis, the same 16 wrk connections in all (8 + 8 for 2 instances), 10 s a walk;
 *   - cached-article req/s, one instance with the Redis handler against one with the file-system
 *     cache, in alternating runs (wrk -c64 -d10s), medians;
 *   - RSS of each instance after its runs; Redis memory per 1,000 cached pages, evictions and
 *     refused commands, keys without an expiry.
 * Three instances (redis-a, redis-b on Redis; files on the file-system cache), each on its own
 * copy of the build, and a redis-server from ops/redis/redis.conf; all stopped on exit.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cp, readdir, readFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { createClient } from '@redis/client'
import { freePort } from '../lib/ports'
import { onCleanup, onFinish, run, sleep, start, waitForHttp, type Managed } from '../lib/processes'
import { startRedis } from '../lib/redis'
import { packageBin, toolVersion, which } from '../lib/tools'
import type { Options } from './options'
import { machine, writeResults } from './output'
import {
  infoNumber,
  parseInfo,
  refusedCommands,
  renderRenderCacheReport,
  rssMb,
  shuffled,
  storyPath,
  summariseRounds,
  walkParts,
  type RenderCacheResults,
  type RenderRound,
} from './render-cache-report'
import { loadOnce, parseReport, summarise, wrkBinary, type LoadRun } from './wrk'

const ROOT = path.resolve(import.meta.dirname, '../..')
const WALK_SCRIPT = path.join(import.meta.dirname, 'wrk-walk.lua')
export const SYNTH_STORIES = 10_000
/** The same order of stories in every run, so that runs ask for the same pages. */
const SEED = 23
const RENDER_CONNECTIONS = 16
const RENDER_SECONDS = 10
const CACHED = { durationS: 10, connections: 64, threads: 2, gzip: false }
/** Lets the instances finish storing their last renders before Redis is measured. */
const SETTLE_MS = 2000

type Log = (message: string) => void

/** `/<category>/<slug>` of every story in the library, in the run's fixed random order. */
async function libraryPaths(library: string): Promise<string[]> {
  const dir = path.join(library, 'articles')
  const names = (await readdir(dir)).filter((name) => name.endsWith('.md')).sort()
  const paths: string[] = []
  // A few hundred files at a time, and never a long synchronous stretch (see startInstance).
  for (let from = 0; from < names.length; from += 200) {
    const batch = names.slice(from, from + 200)
    const texts = await Promise.all(batch.map((name) => readFile(path.join(dir, name), 'utf8')))
    batch.forEach((name, index) => {
      const storyUrl = storyPath(name, texts[index]!)
      if (storyUrl) paths.push(storyUrl)
    })
  }
  return shuffled(paths, SEED)
}

/** The library to measure: --library, or one of SYNTH_STORIES written by content:synth. */
async function library(options: Options, tmp: string, log: Log) {
  if (options.library) return { dir: path.resolve(options.library), synthesized: false }
  const dir = path.join(tmp, 'library')
  const synthLog = path.join(tmp, 'content-synth.log')
  log(`npm run content:synth -- --articles ${SYNTH_STORIES} --out ${dir}; log in ${synthLog}`)
  await run(
    'content:synth',
    process.execPath,
    [
      packageBin(ROOT, 'tsx', 'tsx'),
      'scripts/content-synth.ts',
      '--articles',
      String(SYNTH_STORIES),
      '--out',
      dir,
    ],
    { cwd: ROOT, logFile: synthLog, timeoutMs: 600_000 },
  )
  return { dir, synthesized: true }
}

interface Instance {
  name: string
  base: string
  server: Managed
  logFile: string
}

/** next start on a copy of the build without its caches, on `library`, with or without Redis. */
async function startInstance(
  name: string,
  port: number,
  library: string,
  redisUrl: string | undefined,
  tmp: string,
): Promise<Instance> {
  // Next resolves NEXT_DIST_DIR inside the project. The copies are large: removed once every
  // process has stopped, even with --keep.
  const distDir = `.next-render-cache-${name}-${process.pid}`
  const caches = ['cache', path.join('server', 'route-cache')].map((dir) =>
    path.join(ROOT, '.next', dir),
  )
  onFinish(() => rmSync(path.join(ROOT, distDir), { recursive: true, force: true }))
  // Asynchronous: tsx SIGKILLs a script that does not take Ctrl-C within 60 ms, before it
  // could stop what it started.
  await cp(path.join(ROOT, '.next'), path.join(ROOT, distDir), {
    recursive: true,
    filter: (source) => !caches.some((cache) => source.startsWith(cache)),
  })
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: '1',
    NEXT_DIST_DIR: distDir,
    CONTENT_DIR: library,
  }
  if (redisUrl) env.REDIS_URL = redisUrl
  else delete env.REDIS_URL
  const logFile = path.join(tmp, `${name}.log`)
  const server = start(
    `next start (${name})`,
    process.execPath,
    [packageBin(ROOT, 'next', 'next'), 'start', '-H', '127.0.0.1', '-p', String(port)],
    { cwd: ROOT, env, logFile },
  )
  return { name, base: `http://127.0.0.1:${port}`, server, logFile }
}

/** Health answers 200 once the library is loaded and Redis answers (503 before). */
async function healthy(instance: Instance): Promise<void> {
  await waitForHttp(`${instance.base}/api/health`, instance.server, 300_000)
  const response = await fetch(`${instance.base}/api/health`)
  await response.arrayBuffer()
  if (response.status !== 200) {
    throw new Error(`${instance.name}: /api/health answered ${response.status}, not 200`)
  }
}

/** One walk: wrk through the file's paths on one instance, each once, for up to 10 s. */
async function walk(base: string, file: string, connections: number, logFile: string) {
  const { stdout } = await run(
    `wrk walk ${base}`,
    wrkBinary(),
    [
      '--threads=1',
      `--connections=${connections}`,
      `--duration=${RENDER_SECONDS}s`,
      '--timeout=30s',
      `--script=${WALK_SCRIPT}`,
      base,
      '--',
      file,
    ],
    { logFile, timeoutMs: (RENDER_SECONDS + 60) * 1000 },
  )
  const report = parseReport(stdout, base)
  return {
    rate: report.requests / (report.duration_us / 1e6),
    errors: report.connect + report.read + report.write + report.status + report.timeout,
  }
}

/** First renders per second of walks run at once (instance, its own paths), all connections split. */
async function renders(walks: [Instance, string[]][], tmp: string, label: string) {
  const logFile = path.join(tmp, 'wrk.log')
  const results = await Promise.all(
    walks.map(([instance, paths], index) => {
      const file = path.join(tmp, `walk-${label}-${index}.txt`)
      writeFileSync(file, `${paths.join('\n')}\n`)
      return walk(instance.base, file, RENDER_CONNECTIONS / walks.length, logFile)
    }),
  )
  return {
    rate: results.reduce((sum, result) => sum + result.rate, 0),
    errors: results.reduce((sum, result) => sum + result.errors, 0),
  }
}

async function groupRssMb(instance: Instance): Promise<number> {
  const ps = which('ps')
  if (!ps) throw new Error('ps is not on PATH (Debian: apt-get install -y procps)')
  const { stdout } = await run('ps', ps, ['-o', 'rss=', '-g', String(instance.server.pid)], {
    allowFailure: true,
  })
  return rssMb(stdout)
}

function redisLines(instance: Instance) {
  const lines = readFileSync(instance.logFile, 'utf8')
    .split('\n')
    .filter((line) => line.includes('[marquee] Redis'))
  return { name: instance.name, redisLines: lines.length, first: lines[0] ?? null }
}

export async function benchRenderCache(options: Options, tmp: string, log: Log): Promise<void> {
  wrkBinary()
  const startedAt = new Date()
  const loadBefore = os.loadavg()
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' }
  const { dir: libraryDir, synthesized } = await library(options, tmp, log)
  const paths = await libraryPaths(libraryDir)
  const parts = walkParts(paths, options.rounds)
  log(`${paths.length} stories in ${libraryDir}; ${parts[0]!.length} a walk`)

  if (options.skipBuild) {
    if (!existsSync(path.join(ROOT, '.next', 'BUILD_ID'))) {
      throw new Error('--skip-build: there is no build in .next; run without it')
    }
    log('using the existing build in .next')
  } else {
    log(`next build; log in ${tmp}/marquee-build.log`)
    await run('next build', process.execPath, [packageBin(ROOT, 'next', 'next'), 'build'], {
      cwd: ROOT,
      env,
      logFile: path.join(tmp, 'marquee-build.log'),
      timeoutMs: 3_600_000,
    })
  }

  const redisPort = await freePort(6390, 6399)
  const redisServer = await startRedis(
    'redis-server (render-cache bench)',
    redisPort,
    path.join(tmp, 'redis'),
    options.redisMaxmemory ? ['--maxmemory', options.redisMaxmemory] : [],
  )
  const redisUrl = `redis://127.0.0.1:${redisPort}`
  log(`redis-server on ${redisUrl} (pid ${redisServer.pid})`)
  const client = createClient({ url: redisUrl })
  client.on('error', (error: unknown) => log(`Redis client: ${String(error)}`))
  await client.connect()
  // Closed before Redis stops, also on Ctrl-C (else it logs its reconnects).
  const closeClient = () => {
    if (client.isOpen) client.destroy()
  }
  const forgetClient = onCleanup(closeClient)

  try {
    const taken = new Set<number>()
    const port = async () => {
      const free = await freePort(3400, 3499, taken)
      taken.add(free)
      return free
    }
    const a = await startInstance('redis-a', await port(), libraryDir, redisUrl, tmp)
    const b = await startInstance('redis-b', await port(), libraryDir, redisUrl, tmp)
    const files = await startInstance('files', await port(), libraryDir, undefined, tmp)
    for (const instance of [a, b, files]) await healthy(instance)
    log(
      `instances: ${[a, b, files].map((instance) => `${instance.name} ${instance.base}`).join(', ')}`,
    )

    // A first walk on each Redis instance warms it up (its first renders are slower while V8
    // compiles), not counted.
    await renders(
      [
        [a, parts[0]!],
        [b, parts[1]!],
      ],
      tmp,
      'warm-up',
    )
    const info = async (section: string) => parseInfo(await client.info(section))
    const rounds: RenderRound[] = []
    let renderErrors = 0
    for (let round = 1; round <= options.rounds; round++) {
      const keys = await client.dbSize()
      const bytes = infoNumber(await info('memory'), 'used_memory')
      const one = await renders([[a, parts[round * 3 - 1]!]], tmp, `${round}-one`)
      await sleep(SETTLE_MS)
      const memory = {
        keys: (await client.dbSize()) - keys,
        bytes: infoNumber(await info('memory'), 'used_memory') - bytes,
      }
      const two = await renders(
        [
          [a, parts[round * 3]!],
          [b, parts[round * 3 + 1]!],
        ],
        tmp,
        `${round}-two`,
      )
      renderErrors += one.errors + two.errors
      rounds.push({ one: one.rate, two: two.rate, memory, redis: 0, files: 0 })
      log(
        `round ${round}: first renders/s, 1 instance ${one.rate.toFixed(1)}, ` +
          `2 instances ${two.rate.toFixed(1)}; ${memory.keys} keys, ` +
          `${(memory.bytes / 1048576).toFixed(1)} MB${one.errors + two.errors ? `; ${one.errors + two.errors} errors` : ''}`,
      )
    }

    // Cached article: asked for once on each, then the same URL for 10 s; the caches take turns.
    const article = paths[0]!
    for (const instance of [a, files]) {
      const response = await fetch(`${instance.base}${article}`)
      await response.arrayBuffer()
      if (response.status !== 200) throw new Error(`${instance.name}${article}: ${response.status}`)
    }
    const cached = { redis: [] as LoadRun[], files: [] as LoadRun[] }
    const wrkLog = path.join(tmp, 'wrk.log')
    for (let round = 1; round <= options.rounds; round++) {
      const onRedis = await loadOnce(`${a.base}${article}`, CACHED, CACHED.durationS, wrkLog)
      const onFiles = await loadOnce(`${files.base}${article}`, CACHED, CACHED.durationS, wrkLog)
      cached.redis.push(onRedis)
      cached.files.push(onFiles)
      rounds[round - 1] = { ...rounds[round - 1]!, redis: onRedis.rps, files: onFiles.rps }
      log(
        `round ${round}: cached article req/s, Redis ${Math.round(onRedis.rps)}, ` +
          `files ${Math.round(onFiles.rps)}`,
      )
    }

    const rss: Record<string, number> = {}
    for (const instance of [a, b, files]) rss[instance.name] = await groupRssMb(instance)
    const memoryInfo = await info('memory')
    const stats = await info('stats')
    const keysWithoutExpiry: { key: string; bytes: number }[] = []
    for await (const keys of client.scanIterator({ COUNT: 1000 })) {
      for (const key of keys) {
        if ((await client.ttl(key)) === -1) {
          keysWithoutExpiry.push({ key, bytes: (await client.memoryUsage(key)) ?? 0 })
        }
      }
    }
    const summary = summariseRounds(rounds)
    const results: RenderCacheResults = {
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      command: `npm run bench -- ${process.argv.slice(2).join(' ')}`,
      library: { dir: libraryDir, stories: paths.length, synthesized },
      settings: {
        rounds: options.rounds,
        renderConnections: RENDER_CONNECTIONS,
        renderSeconds: RENDER_SECONDS,
        storiesPerWalk: parts[0]!.length,
        cachedConnections: CACHED.connections,
        cachedSeconds: CACHED.durationS,
        redisMaxmemory: options.redisMaxmemory ?? null,
      },
      machine: machine(loadBefore, {
        wrk: toolVersion(wrkBinary(), ['--version']).split(' ')[1] ?? '?',
        redis: parseInfo(await client.info('server')).get('redis_version') ?? '?',
      }),
      rounds,
      firstRenders: summary.firstRenders,
      renderErrors,
      cachedArticle: {
        path: article,
        redis: summarise(cached.redis),
        files: summarise(cached.files),
      },
      rssMb: rss,
      redis: {
        mbPerThousandPages: summary.mbPerThousandPages,
        pagesMeasured: summary.pagesMeasured,
        usedMemoryMb: infoNumber(memoryInfo, 'used_memory') / 1048576,
        maxmemoryMb: infoNumber(memoryInfo, 'maxmemory') / 1048576,
        evictedKeys: infoNumber(stats, 'evicted_keys'),
        expiredKeys: infoNumber(stats, 'expired_keys'),
        refused: refusedCommands(await info('commandstats')),
        keys: await client.dbSize(),
        keysWithoutExpiry,
      },
      instanceLogs: [a, b].map(redisLines),
    }

    const report = renderRenderCacheReport(results)
    console.log(`\n${report}`)
    if (options.out) {
      const out = path.resolve(options.out)
      writeResults(out, { json: 'results.json', text: 'report.txt' }, results, report)
      log(`results written to ${out}`)
    }
  } finally {
    forgetClient()
    closeClient()
  }
}
