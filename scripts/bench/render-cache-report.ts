/**
 * The arithmetic and the table of `npm run bench -- --render-cache` (render-cache.ts): which
 * stories to ask for and in what order, the figures from wrk's, ps's and Redis's output, and the
 * printed table. No processes here, so all of it is tested (render-cache-report.test.ts).
 */
import { z } from 'zod'
import { createRandom } from '../synth/random'
import type { Machine } from './output'
import { median, type LoadSummary } from './wrk'

/** What a slug and a category slug look like (lib/content's schemas are stricter; enough here). */
const slug = z.string().regex(/^[a-z0-9][a-z0-9-]*$/)

/**
 * `/<category>/<slug>` of a story file: its category from the frontmatter, its slug from the
 * file's name; null for a file without a frontmatter category or that is not a story.
 */
export function storyPath(fileName: string, text: string): string | null {
  const name = /^(.+)\.md$/.exec(fileName)?.[1]
  const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1]
  if (!name || frontmatter === undefined) return null
  const category = /^category:\s*['"]?([^'"\s#]+)['"]?\s*(?:#.*)?$/m.exec(frontmatter)?.[1]
  const parsed = z.object({ category: slug, name: slug }).safeParse({ category, name })
  return parsed.success ? `/${parsed.data.category}/${parsed.data.name}` : null
}

/** The items in an order that depends only on `seed`. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  return createRandom(String(seed)).sample(items, items.length)
}

/** Never-rendered stories each walk needs at most: more than 16 connections render in 10 s here. */
export const MAX_PART = 900
/** Fewer stories than this per walk, and a walk could run out before its 10 s. */
export const MIN_PART = 100

/**
 * The walks of a run, each on stories no other walk asks for: one warm-up walk per instance, then
 * per round one walk on one instance and one on each of two: 2 + 3 x rounds. Parts of MAX_PART
 * stories, or fewer when the library is small; an error when it is too small for MIN_PART.
 */
export function walkParts(paths: readonly string[], rounds: number): string[][] {
  const count = 2 + 3 * rounds
  const size = Math.min(MAX_PART, Math.floor(paths.length / count))
  if (size < MIN_PART) {
    throw new Error(
      `${paths.length} stories are too few for ${rounds} rounds: each of the ${count} walks ` +
        `needs at least ${MIN_PART} never-rendered ones (${count * MIN_PART} in all)`,
    )
  }
  return Array.from({ length: count }, (_, index) => paths.slice(index * size, (index + 1) * size))
}

/** Redis's memory and key count before and after the one-instance walk of a round. */
export interface MemorySample {
  keys: number
  bytes: number
}

/** Redis memory per 1,000 pages stored, in MiB, over all samples; NaN without any page. */
export function mbPerThousandPages(samples: readonly MemorySample[]): number {
  const keys = samples.reduce((sum, sample) => sum + sample.keys, 0)
  const bytes = samples.reduce((sum, sample) => sum + sample.bytes, 0)
  return keys > 0 ? ((bytes / keys) * 1000) / 1048576 : Number.NaN
}

/** The RSS of a process group in MiB, from `ps -o rss= -g <pgid>` (one KiB count a line). */
export function rssMb(psOutput: string): number {
  const kib = psOutput
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => z.coerce.number().int().nonnegative().parse(line))
  return kib.reduce((sum, value) => sum + value, 0) / 1024
}

/** `INFO` output as field → value (sections and comments dropped). */
export function parseInfo(text: string): Map<string, string> {
  const fields = new Map<string, string>()
  for (const line of text.split(/\r?\n/)) {
    const at = line.indexOf(':')
    if (at > 0 && !line.startsWith('#')) fields.set(line.slice(0, at), line.slice(at + 1).trim())
  }
  return fields
}

/** A number field of INFO, 0 when absent (older servers lack some). */
export function infoNumber(info: Map<string, string>, field: string): number {
  const value = Number(info.get(field) ?? 0)
  return Number.isFinite(value) ? value : 0
}

/**
 * The commands Redis refused (e.g. OOM at maxmemory) or that failed, from `INFO commandstats`:
 * `cmdstat_set:calls=5,…,rejected_calls=2,failed_calls=0` → `set: rejected 2`.
 */
export function refusedCommands(commandstats: Map<string, string>): string[] {
  const out: string[] = []
  for (const [field, value] of commandstats) {
    if (!field.startsWith('cmdstat_')) continue
    const stats = new Map(value.split(',').map((pair) => pair.split('=') as [string, string]))
    const rejected = Number(stats.get('rejected_calls') ?? 0)
    const failed = Number(stats.get('failed_calls') ?? 0)
    const parts = [rejected ? `rejected ${rejected}` : '', failed ? `failed ${failed}` : '']
    if (rejected || failed) out.push(`${field.slice(8)}: ${parts.filter(Boolean).join(', ')}`)
  }
  return out
}

export interface RenderRound {
  /** First renders per second of all walks of the round's one-instance and two-instance runs. */
  one: number
  two: number
  memory: MemorySample
  /** Cached article req/s of this round. */
  redis: number
  files: number
}

export interface RenderCacheResults {
  startedAt: string
  finishedAt: string
  command: string
  library: { dir: string; stories: number; synthesized: boolean }
  settings: {
    rounds: number
    renderConnections: number
    renderSeconds: number
    storiesPerWalk: number
    cachedConnections: number
    cachedSeconds: number
    redisMaxmemory: string | null
  }
  machine: Machine
  rounds: RenderRound[]
  /** Medians over the rounds. */
  firstRenders: { one: number; two: number }
  /** Answers >= 400 and socket errors during the walks (a 404 or an error is not a render). */
  renderErrors: number
  cachedArticle: { path: string; redis: LoadSummary; files: LoadSummary }
  rssMb: Record<string, number>
  redis: {
    mbPerThousandPages: number
    pagesMeasured: number
    usedMemoryMb: number
    maxmemoryMb: number
    evictedKeys: number
    expiredKeys: number
    refused: string[]
    keys: number
    keysWithoutExpiry: { key: string; bytes: number }[]
  }
  /** Lines each Redis instance logged about Redis (`[marquee] Redis …`), and the first of them. */
  instanceLogs: { name: string; redisLines: number; first: string | null }[]
}

/** The medians, the errors and the per-1,000 figure of a run's rounds. */
export function summariseRounds(rounds: readonly RenderRound[]) {
  const samples = rounds.map((round) => round.memory)
  return {
    firstRenders: {
      one: median(rounds.map((round) => round.one)),
      two: median(rounds.map((round) => round.two)),
    },
    mbPerThousandPages: mbPerThousandPages(samples),
    pagesMeasured: samples.reduce((sum, sample) => sum + sample.keys, 0),
  }
}

const fixed = (value: number, digits: number) =>
  Number.isFinite(value) ? value.toFixed(digits) : '-'
const int = (value: number) =>
  Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : '-'
const ratio = (a: number, b: number) => (b > 0 ? `x ${fixed(a / b, 2)}` : '-')

export function renderRenderCacheReport(results: RenderCacheResults): string {
  const { settings, firstRenders, cachedArticle, redis } = results
  const { redis: onRedis, files } = cachedArticle
  const withoutExpiry = redis.keysWithoutExpiry
  const rows: [string, string][] = [
    [
      `first renders/s, 1 / 2 instances (${settings.renderConnections} connections)`,
      `${fixed(firstRenders.one, 1)} / ${fixed(firstRenders.two, 1)} (${ratio(firstRenders.two, firstRenders.one)})` +
        (results.renderErrors ? `, ${results.renderErrors} errors` : ''),
    ],
    [
      `cached article req/s, Redis / file system (${settings.cachedConnections} connections)`,
      `${int(onRedis.rps)} / ${int(files.rps)} (${ratio(onRedis.rps, files.rps)})` +
        (onRedis.errors + files.errors ? `, ${onRedis.errors + files.errors} errors` : ''),
    ],
    [
      'each round: renders/s 1 / 2; req/s Redis / files',
      results.rounds
        .map(
          (round) =>
            `${fixed(round.one, 1)} / ${fixed(round.two, 1)}; ` +
            `${int(round.redis)} / ${int(round.files)}`,
        )
        .join(' | '),
    ],
    [
      `RSS MB, ${Object.keys(results.rssMb).join(' / ')}`,
      Object.values(results.rssMb)
        .map((mb) => int(mb))
        .join(' / '),
    ],
    [
      'Redis MB per 1,000 cached pages',
      `${fixed(redis.mbPerThousandPages, 1)} (${int(redis.pagesMeasured)} pages measured)`,
    ],
    [
      'Redis memory used / maxmemory',
      `${fixed(redis.usedMemoryMb, 0)} MB / ${redis.maxmemoryMb ? `${fixed(redis.maxmemoryMb, 0)} MB` : 'none'}`,
    ],
    [
      'evicted keys; refused or failed commands',
      `${int(redis.evictedKeys)}; ${redis.refused.length ? redis.refused.join(', ') : 'none'}`,
    ],
    [
      'keys; keys without an expiry',
      `${int(redis.keys)}; ${
        withoutExpiry.length
          ? withoutExpiry.map((key) => `${key.key} (${int(key.bytes)} B)`).join(', ')
          : 'none'
      }`,
    ],
    [
      'Redis lines in instance logs',
      results.instanceLogs.map((log) => `${log.name} ${log.redisLines}`).join(', '),
    ],
  ]
  const width = Math.max(...rows.map(([figure]) => figure.length))
  const lines = rows.map(([figure, value]) => `${figure.padEnd(width)}  ${value}`)
  const firstLogged = results.instanceLogs
    .filter((log) => log.first)
    .map((log) => `  ${log.name}: ${log.first}`)
  return [
    `Render cache, ${results.library.stories.toLocaleString('en-US')} stories in ` +
      `${results.library.dir}; medians of ${settings.rounds} rounds; ` +
      `cached article ${cachedArticle.path}`,
    `${'figure'.padEnd(width)}  value`,
    `${'-'.repeat(width)}  ${'-'.repeat(Math.max(...lines.map((line) => line.length)) - width - 2)}`,
    ...lines,
    ...(firstLogged.length ? ['first Redis line logged:', ...firstLogged] : []),
    `load average ${results.machine.loadBefore.map((load) => load.toFixed(1)).join(' ')} before, ` +
      `${results.machine.loadAfter.map((load) => load.toFixed(1)).join(' ')} after; ` +
      `${results.machine.cpus} CPUs`,
    `command: ${results.command}`,
  ].join('\n')
}
