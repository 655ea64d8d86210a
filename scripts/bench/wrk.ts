/** One wrk run against one URL, summarised by wrk-report.lua. */
import path from 'node:path'
import { z } from 'zod'
import { run } from '../lib/processes'
import { which } from '../lib/tools'

export const WRK_MISSING =
  'wrk is not installed. On Debian or Ubuntu: apt-get install -y wrk (as root).'

const REPORT_SCRIPT = path.join(import.meta.dirname, 'wrk-report.lua')
const HELD_SCRIPT = path.join(import.meta.dirname, 'wrk-held.lua')

const report = z.object({
  requests: z.number(),
  duration_us: z.number().positive(),
  bytes: z.number(),
  connect: z.number(),
  read: z.number(),
  write: z.number(),
  status: z.number(),
  timeout: z.number(),
  p50_us: z.number(),
  p90_us: z.number(),
  p99_us: z.number(),
  max_us: z.number(),
})

export type WrkReport = z.infer<typeof report>

/** The WRK_JSON line that wrk-report.lua prints at the end of a run, checked. */
export function parseReport(stdout: string, url: string): WrkReport {
  const line = stdout.split('\n').find((text) => text.startsWith('WRK_JSON '))
  if (!line) throw new Error(`wrk printed no report for ${url}:\n${stdout}`)
  return report.parse(JSON.parse(line.slice('WRK_JSON '.length)))
}

export interface LoadRun {
  rps: number
  p50Ms: number
  p99Ms: number
  /** Responses with status >= 400 plus socket errors (connect, read, write, timeout). */
  errors: number
  /** The errors by kind, as wrk counts them. */
  errorKinds: Record<'connect' | 'read' | 'write' | 'status' | 'timeout', number>
  requests: number
}

export interface LoadSettings {
  durationS: number
  connections: number
  threads: number
  gzip: boolean
}

export function wrkBinary(): string {
  const wrk = which('wrk')
  if (!wrk) throw new Error(WRK_MISSING)
  return wrk
}

/**
 * One wrk run. With holdMs, each connection's first request waits that long, so that the server
 * has accepted every connection before the load starts (wrk-held.lua); the run then lasts holdMs
 * longer, and its req/s counts from the end of the hold.
 */
export async function loadOnce(
  url: string,
  settings: LoadSettings,
  durationS = settings.durationS,
  logFile?: string,
  holdMs = 0,
): Promise<LoadRun> {
  // wrk gives each thread connections / threads of them (integer division).
  const perThread = Math.floor(settings.connections / settings.threads)
  // wrk takes whole seconds.
  const runS = Math.ceil(durationS + holdMs / 1000)
  const args = [
    `--threads=${settings.threads}`,
    `--connections=${settings.connections}`,
    `--duration=${runS}s`,
    '--timeout=5s',
    `--script=${holdMs > 0 ? HELD_SCRIPT : REPORT_SCRIPT}`,
    ...(settings.gzip ? ['--header=Accept-Encoding: gzip'] : []),
    url,
    ...(holdMs > 0 ? ['--', String(holdMs), String(perThread)] : []),
  ]
  const { stdout } = await run(`wrk ${url}`, wrkBinary(), args, {
    logFile,
    timeoutMs: (runS + 30) * 1000,
  })
  const data = parseReport(stdout, url)
  return {
    rps: data.requests / (data.duration_us / 1e6 - holdMs / 1000),
    p50Ms: data.p50_us / 1000,
    p99Ms: data.p99_us / 1000,
    errors: data.connect + data.read + data.write + data.status + data.timeout,
    errorKinds: {
      connect: data.connect,
      read: data.read,
      write: data.write,
      status: data.status,
      timeout: data.timeout,
    },
    requests: data.requests,
  }
}

export function median(values: number[]): number {
  const sorted = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b)
  if (sorted.length === 0) return Number.NaN
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

export interface LoadSummary {
  /** Medians over the runs. */
  rps: number
  p50Ms: number
  p99Ms: number
  /** Summed over all runs: any error is a miss. */
  errors: number
  /** e.g. "timeout 12, status 3" (empty without errors). */
  errorDetail: string
  runs: LoadRun[]
}

export function summarise(runs: LoadRun[]): LoadSummary {
  return {
    rps: median(runs.map((r) => r.rps)),
    p50Ms: median(runs.map((r) => r.p50Ms)),
    p99Ms: median(runs.map((r) => r.p99Ms)),
    errors: runs.reduce((sum, r) => sum + r.errors, 0),
    errorDetail: describeErrors(runs),
    runs,
  }
}

function describeErrors(runs: LoadRun[]): string {
  const kinds = ['connect', 'read', 'write', 'status', 'timeout'] as const
  return kinds
    .map((kind) => [kind, runs.reduce((sum, r) => sum + r.errorKinds[kind], 0)] as const)
    .filter(([, count]) => count > 0)
    .map(([kind, count]) => `${kind === 'status' ? 'status >= 400' : kind} ${count}`)
    .join(', ')
}
