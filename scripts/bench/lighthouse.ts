/**
 * Lighthouse CLI (mobile, its default form factor and simulated throttling) against the system
 * Chromium, N runs per page; every figure is the median of the runs. Audits that lost points in
 * accessibility, best practices or SEO, and the LCP element, are kept so misses can be explained.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { isStopping, onCleanup, run, stopByMarker } from '../lib/processes'
import { packageBin } from '../lib/tools'
import { median } from './wrk'

const ROOT = path.resolve(import.meta.dirname, '../..')

export const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium'

const CHROME_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

const category = z.object({
  score: z.number().nullable(),
  auditRefs: z.array(z.object({ id: z.string(), weight: z.number() })),
})

const audit = z.object({
  id: z.string(),
  title: z.string(),
  score: z.number().nullable(),
  scoreDisplayMode: z.string().optional(),
  numericValue: z.number().optional(),
  displayValue: z.string().optional(),
  errorMessage: z.string().optional(),
  details: z.unknown().optional(),
})

const lhr = z.object({
  lighthouseVersion: z.string(),
  runWarnings: z.array(z.string()).default([]),
  runtimeError: z.object({ code: z.string(), message: z.string() }).optional(),
  categories: z.object({
    performance: category,
    accessibility: category,
    'best-practices': category,
    seo: category,
  }),
  audits: z.record(z.string(), audit),
})

type Lhr = z.infer<typeof lhr>

export interface Finding {
  category: string
  id: string
  title: string
  score: number | null
  /** A few of the audit's items: element snippets, selectors, console messages, URLs. */
  items: string[]
}

export interface LighthouseSummary {
  runs: number
  /** 0-100, medians. */
  performance: number
  accessibility: number
  bestPractices: number
  seo: number
  lcpMs: number
  cls: number
  tbtMs: number
  fcpMs: number
  /** Audits that lost points in any run (accessibility, best practices, SEO, and performance). */
  findings: Finding[]
  lcpElement: string | undefined
  /** From the median-performance run: LCP phases, JS execution, unused JS, render blocking. */
  performanceNotes: string[]
  /** Runs Lighthouse could not measure (e.g. NO_LCP), retried; their error codes. */
  failedRuns: string[]
  warnings: string[]
  reports: string[]
}

/** Short descriptions of an audit's details items (node snippets, console errors, URLs). */
function describeItems(details: unknown, limit = 4): string[] {
  const found: string[] = []
  const visit = (value: unknown) => {
    if (found.length >= limit || value === null || typeof value !== 'object') return
    if (Array.isArray(value)) {
      for (const item of value) visit(item)
      return
    }
    const record = value as Record<string, unknown>
    const node = record.node as Record<string, unknown> | undefined
    if (node && typeof node.snippet === 'string') {
      const selector = typeof node.selector === 'string' ? ` (${node.selector})` : ''
      found.push(`${node.snippet.slice(0, 240)}${selector}`)
      return
    }
    if (typeof record.description === 'string' && typeof record.source === 'string') {
      const location = record.sourceLocation as { url?: unknown } | undefined
      const url = typeof record.url === 'string' ? record.url : location?.url
      const where = typeof url === 'string' ? ` (${url})` : ''
      found.push(`${record.source}: ${record.description.slice(0, 300)}${where}`)
      return
    }
    if (typeof record.url === 'string' && !record.items) {
      found.push(record.url)
      return
    }
    for (const key of ['items', 'subItems']) if (key in record) visit(record[key])
  }
  visit(details)
  return found
}

const ms = (value: unknown) => (typeof value === 'number' ? `${Math.round(value)} ms` : '?')
const kbOf = (value: unknown) =>
  typeof value === 'number' ? `${(value / 1000).toFixed(1)} KB` : '?'

function tableItems(report: Lhr, id: string): Record<string, unknown>[] {
  const details = report.audits[id]?.details as { items?: unknown } | undefined
  return Array.isArray(details?.items) ? (details.items as Record<string, unknown>[]) : []
}

/** What holds the performance score back: LCP phases, main-thread work by script, unused JS. */
function performanceNotes(report: Lhr): string[] {
  const notes: string[] = []
  const lcpTables = tableItems(report, 'largest-contentful-paint-element')
  const phases = (lcpTables[1]?.items as Record<string, unknown>[] | undefined) ?? []
  if (phases.length > 0) {
    notes.push(`LCP phases: ${phases.map((p) => `${String(p.phase)} ${ms(p.timing)}`).join(', ')}`)
  }
  // Unthrottled timings of the run itself. On this machine headless Chromium sometimes presents
  // the first frame about a second after load with the main thread idle (GoogleChrome/lighthouse#17148): Lantern then
  // counts every script that ran before it into the simulated LCP.
  const observed = tableItems(report, 'metrics')[0]
  if (observed) {
    const paint = observed.observedFirstContentfulPaint
    const load = observed.observedLoad
    const late =
      typeof paint === 'number' && typeof load === 'number' && paint > load + 300
        ? ` (first paint ${ms(paint - load)} after load)`
        : ''
    notes.push(
      `observed, unthrottled: DOMContentLoaded ${ms(observed.observedDomContentLoaded)}, load ${ms(load)}, first contentful paint ${ms(paint)}${late}`,
    )
  }
  const bootup = tableItems(report, 'bootup-time')
    .slice(0, 4)
    .map((item) => `${String(item.url).replace(/^https?:\/\/[^/]+/, '')} ${ms(item.total)}`)
  if (bootup.length > 0) notes.push(`JS execution (bootup-time): ${bootup.join(', ')}`)
  const work = tableItems(report, 'mainthread-work-breakdown')
    .slice(0, 4)
    .map((item) => `${String(item.groupLabel ?? item.group)} ${ms(item.duration)}`)
  if (work.length > 0) notes.push(`main thread: ${work.join(', ')}`)
  const unused = report.audits['unused-javascript']?.details as
    { overallSavingsBytes?: unknown } | undefined
  if (unused?.overallSavingsBytes) {
    notes.push(`unused JavaScript: ${kbOf(unused.overallSavingsBytes)} could be saved`)
  }
  const blocking = tableItems(report, 'render-blocking-resources').map(
    (item) => `${String(item.url).replace(/^https?:\/\/[^/]+/, '')} ${ms(item.wastedMs)}`,
  )
  if (blocking.length > 0) notes.push(`render-blocking: ${blocking.join(', ')}`)
  // Diagnostics and insights that failed (they carry no weight in the score, but say why).
  const failed = report.categories.performance.auditRefs
    .map((ref) => report.audits[ref.id])
    .filter((result) => result?.scoreDisplayMode === 'metricSavings' && (result.score ?? 1) < 0.9)
    .map((result) => `${result!.id}${result!.displayValue ? ` (${result!.displayValue})` : ''}`)
  if (failed.length > 0) notes.push(`failed diagnostics: ${failed.join(', ')}`)
  return notes
}

function findingsOf(report: Lhr): Finding[] {
  const findings: Finding[] = []
  for (const [name, cat] of Object.entries(report.categories)) {
    for (const ref of cat.auditRefs) {
      const result = report.audits[ref.id]
      if (!result || ref.weight === 0 || result.score === null || result.score >= 1) continue
      if (result.scoreDisplayMode === 'informative' || result.scoreDisplayMode === 'manual')
        continue
      findings.push({
        category: name,
        id: ref.id,
        title: result.title,
        score: result.score,
        items: describeItems(result.details),
      })
    }
  }
  return findings
}

async function lighthouseOnce(url: string, reportFile: string, logFile: string): Promise<Lhr> {
  // A unique flag tags this run's Chromium: chrome-launcher starts it in a process group of its
  // own, which stopping Lighthouse's group does not reach.
  const marker = `--marquee-bench-run=${path.basename(reportFile, '.json')}-${process.pid}`
  const cleanup = () => stopByMarker(marker)
  const forget = onCleanup(cleanup)
  try {
    await run(
      `lighthouse ${url}`,
      process.execPath,
      [
        packageBin(ROOT, 'lighthouse', 'lighthouse'),
        url,
        '--output=json',
        `--output-path=${reportFile}`,
        '--quiet',
        '--only-categories=performance,accessibility,best-practices,seo',
        `--chrome-flags=${[...CHROME_FLAGS, marker].join(' ')}`,
      ],
      { env: { ...process.env, CHROME_PATH: CHROMIUM }, logFile, timeoutMs: 180_000 },
    )
  } finally {
    cleanup()
    forget()
  }
  const report = lhr.parse(JSON.parse(readFileSync(reportFile, 'utf8')))
  if (report.runtimeError) {
    throw new Error(`Lighthouse ${url}: ${report.runtimeError.code} ${report.runtimeError.message}`)
  }
  return report
}

/** A run whose metrics are all there (Lighthouse sometimes reports NO_LCP and no score). */
function measured(report: Lhr): boolean {
  return report.categories.performance.score !== null
}

export async function lighthouse(
  url: string,
  runs: number,
  dir: string,
  name: string,
): Promise<LighthouseSummary> {
  const reports: Lhr[] = []
  const files: string[] = []
  const failedRuns: string[] = []
  // Up to two extra attempts replace runs that could not be measured: no score, or a run that
  // Lighthouse itself gave up on (e.g. NO_NAVSTART, "Something went wrong with recording the trace").
  for (let attempt = 1; reports.length < runs && attempt <= runs + 2; attempt++) {
    const file = path.join(dir, `lighthouse-${name}-${attempt}.json`)
    let report: Lhr
    try {
      report = await lighthouseOnce(url, file, path.join(dir, 'lighthouse.log'))
    } catch (error) {
      if (isStopping()) throw error
      failedRuns.push(error instanceof Error ? error.message : String(error))
      continue
    }
    files.push(file)
    if (measured(report)) {
      reports.push(report)
    } else {
      const errors = Object.values(report.audits)
        .map((result) => result.errorMessage)
        .filter((message) => message !== undefined)
      failedRuns.push([...new Set(errors)].join(' ') || 'no performance score')
    }
  }
  if (reports.length === 0) {
    throw new Error(`Lighthouse could not measure ${url}: ${failedRuns.join('; ')}`)
  }
  const score = (pick: (report: Lhr) => number | null) =>
    Math.round(median(reports.map((report) => (pick(report) ?? Number.NaN) * 100)))
  const numeric = (id: string) =>
    median(reports.map((report) => report.audits[id]?.numericValue ?? Number.NaN))
  const findings = new Map<string, Finding>()
  for (const report of reports) {
    for (const finding of findingsOf(report)) {
      const key = `${finding.category}/${finding.id}`
      if (!findings.has(key)) findings.set(key, finding)
    }
  }
  const performance = score((r) => r.categories.performance.score)
  const typical =
    reports.find((r) => Math.round((r.categories.performance.score ?? 0) * 100) === performance) ??
    reports[0]!
  const lcpElement = describeItems(
    typical.audits['largest-contentful-paint-element']?.details,
    1,
  )[0]
  return {
    runs: reports.length,
    performance,
    accessibility: score((r) => r.categories.accessibility.score),
    bestPractices: score((r) => r.categories['best-practices'].score),
    seo: score((r) => r.categories.seo.score),
    lcpMs: numeric('largest-contentful-paint'),
    cls: numeric('cumulative-layout-shift'),
    tbtMs: numeric('total-blocking-time'),
    fcpMs: numeric('first-contentful-paint'),
    findings: [...findings.values()],
    lcpElement,
    performanceNotes: performanceNotes(typical),
    failedRuns,
    warnings: [...new Set(reports.flatMap((report) => report.runWarnings))],
    reports: files,
  }
}
