/**
 * `--compare-with <url>`: Lighthouse (mobile) on the same six pages of two running builds, in
 * alternating runs (new, old, then old, new, …) so the machine's background noise falls on both
 * alike. Prints the medians side by side and, per page, whether the build at --url-base lost a
 * point of accessibility, best practices or SEO, or got slower (performance score, LCP).
 */
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { lighthouse, type Finding, type LighthouseSummary } from './lighthouse'
import type { Options } from './options'
import { writeResults } from './output'
import { median } from './wrk'

interface Side {
  performance: number
  accessibility: number
  bestPractices: number
  seo: number
  lcpMs: number
  tbtMs: number
  cls: number
  runs: LighthouseSummary[]
}

export interface PageComparison {
  key: string
  path: string
  base: Side
  other: Side
  /** Audits that lost points on the measured build (--url-base), from any of its runs. */
  findings: Finding[]
  verdicts: { what: string; pass: boolean }[]
}

function side(runs: LighthouseSummary[]): Side {
  const pick = (get: (run: LighthouseSummary) => number) => median(runs.map(get))
  return {
    performance: pick((run) => run.performance),
    accessibility: pick((run) => run.accessibility),
    bestPractices: pick((run) => run.bestPractices),
    seo: pick((run) => run.seo),
    lcpMs: pick((run) => run.lcpMs),
    tbtMs: pick((run) => run.tbtMs),
    cls: pick((run) => run.cls),
    runs,
  }
}

/** Whether `base` (the build under test) holds against `other` (the build before it). */
export function verdicts(base: Omit<Side, 'runs'>, other: Omit<Side, 'runs'>) {
  return [
    { what: 'accessibility', pass: base.accessibility >= other.accessibility },
    { what: 'best practices', pass: base.bestPractices >= other.bestPractices },
    { what: 'SEO', pass: base.seo >= other.seo },
    { what: 'performance', pass: base.performance >= other.performance },
    { what: 'LCP', pass: base.lcpMs <= other.lcpMs },
    { what: 'CLS', pass: base.cls <= other.cls },
  ]
}

export function renderComparison(pages: PageComparison[], base: string, other: string): string {
  const lines = [
    `Lighthouse (mobile), medians of alternating runs: ${base} against ${other}`,
    '',
    'page      path                                        perf     a11y     b.p.     SEO      LCP ms        TBT ms       CLS',
  ]
  const pair = (a: number, b: number, digits = 0) =>
    `${a.toFixed(digits)}/${b.toFixed(digits)}`.padEnd(digits ? 12 : 9)
  for (const page of pages) {
    const { base: a, other: b } = page
    lines.push(
      `${page.key.padEnd(10)}${page.path.padEnd(44)}${pair(a.performance, b.performance)}${pair(a.accessibility, b.accessibility)}${pair(a.bestPractices, b.bestPractices)}${pair(a.seo, b.seo)}${pair(a.lcpMs, b.lcpMs).padEnd(14)}${pair(a.tbtMs, b.tbtMs).padEnd(13)}${pair(a.cls, b.cls, 3)}`,
    )
  }
  lines.push('')
  for (const page of pages) {
    const failed = page.verdicts.filter((verdict) => !verdict.pass).map((verdict) => verdict.what)
    lines.push(
      `${failed.length === 0 ? 'PASS' : 'FAIL'} ${page.key}: ${failed.length === 0 ? 'no loss' : `worse ${failed.join(', ')}`}`,
    )
    for (const finding of page.findings) {
      lines.push(`       ${finding.category} ${finding.id} (${finding.score}): ${finding.title}`)
      for (const item of finding.items) lines.push(`         ${item}`)
    }
  }
  return lines.join('\n')
}

export async function compareLighthouse(
  options: Options & { urlBase: string; compareWith: string },
  tmp: string,
  log: (message: string) => void,
): Promise<void> {
  const all = [
    { key: 'home', path: options.home },
    { key: 'article', path: options.article },
    { key: 'gallery', path: options.gallery },
    { key: 'hub', path: options.hub },
    { key: 'list', path: options.list },
    { key: 'live', path: options.live },
  ] as const
  const pages = all.filter((page) => !options.pages || options.pages.includes(page.key))
  const dir = path.join(tmp, 'lighthouse')
  mkdirSync(dir, { recursive: true })
  const results: PageComparison[] = []
  for (const page of pages) {
    const runs = { base: [] as LighthouseSummary[], other: [] as LighthouseSummary[] }
    for (let round = 1; round <= options.lighthouseRuns; round++) {
      const order = round % 2 === 1 ? (['base', 'other'] as const) : (['other', 'base'] as const)
      for (const which of order) {
        const url = `${which === 'base' ? options.urlBase : options.compareWith}${page.path}`
        const run = await lighthouse(url, 1, dir, `${page.key}-${which}-${round}`)
        log(
          `${page.key} ${which} run ${round}: performance ${run.performance}, LCP ${Math.round(run.lcpMs)} ms`,
        )
        runs[which].push(run)
      }
    }
    const base = side(runs.base)
    const other = side(runs.other)
    const findings = new Map<string, Finding>()
    for (const run of runs.base)
      for (const finding of run.findings) findings.set(`${finding.category}/${finding.id}`, finding)
    results.push({
      ...page,
      base,
      other,
      findings: [...findings.values()].filter((finding) => finding.category !== 'performance'),
      verdicts: verdicts(base, other),
    })
  }
  const report = renderComparison(results, options.urlBase, options.compareWith)
  console.log(`\n${report}`)
  if (options.out) {
    const out = path.resolve(options.out)
    writeResults(out, { json: 'compare.json', text: 'compare.txt' }, results, report)
    log(`results written to ${out}`)
  }
  if (
    options.failOnBudget &&
    results.some((page) => page.verdicts.some((verdict) => !verdict.pass))
  ) {
    process.exitCode = 1
  }
}
