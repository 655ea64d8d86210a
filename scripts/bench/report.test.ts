import { describe, expect, it } from 'vitest'
import {
  budgets,
  formatBudgets,
  renderReport,
  type PageKey,
  type PageResult,
  type Results,
} from './report'
import type { LighthouseSummary } from './lighthouse'
import type { LoadSummary } from './wrk'

function load(rps: number, p99Ms = 7, errors = 0): LoadSummary {
  return { rps, p50Ms: 2, p99Ms, errors, errorDetail: '', runs: [] }
}

function page(key: PageKey, front: LoadSummary): PageResult {
  return {
    key,
    label: key,
    path: `/${key}`,
    htmlBytes: 88_500,
    jsGzipBytes: 145_600,
    scripts: 8,
    next: load(1_300, 800),
    front,
    frontCache: 'HIT',
  }
}

/** A run without Lighthouse: what the load budgets see. */
function results(fronts: Record<PageKey, LoadSummary>): Results {
  return {
    startedAt: '2026-11-24T08:04:38.420Z',
    finishedAt: '2026-11-24T08:19:44.075Z',
    command: 'npm run bench',
    settings: {
      durationS: 10,
      runs: 5,
      connections: 64,
      threads: 2,
      warmupS: 2,
      lighthouseRuns: 0,
      gzip: false,
    },
    machine: { cpus: 2, loadBefore: [1, 1, 1], loadAfter: [2, 2, 2], versions: {} },
    target: 'http://127.0.0.1:3400',
    contentDir: 'content',
    pages: (Object.keys(fronts) as PageKey[]).map((key) => page(key, fronts[key])),
    articleTextBytes: 3_600,
    staticRef: { ...load(20_000, 6), htmlBytes: 88_500 },
    bareRef: {
      ...load(1_400, 1_500),
      htmlBytes: 88_600,
      jsGzipBytes: 134_600,
      version: '16',
      builds: 1,
    },
  }
}

/** Front loads that pass the front budget on every page (static: 20,000 req/s). */
function passingFronts(): Record<PageKey, LoadSummary> {
  return {
    home: load(12_000),
    article: load(20_000),
    gallery: load(26_000),
    hub: load(23_000),
    list: load(21_000),
    live: load(22_000),
  }
}

/** The front budget of a run whose pages all pass, except those given. */
function frontBudget(changed: Partial<Record<PageKey, LoadSummary>> = {}) {
  const fronts = { ...passingFronts(), ...changed }
  const budget = budgets(results(fronts)).find((entry) => entry.name.startsWith('nginx front'))
  if (!budget) throw new Error('no nginx front budget')
  return budget
}

describe('the nginx front budget', () => {
  it('passes when every page is at 60 % of static or more, under 25 ms p99, without errors', () => {
    const budget = frontBudget()
    expect(budget.pass).toBe(true)
    expect(budget.detail).toContain('home 12,000 req/s = 60 %')
    expect(budget.detail).not.toContain('(miss)')
  })

  it('fails on any one page, and names it, even when the article passes', () => {
    const budget = frontBudget({ home: load(11_200) })
    expect(budget.pass).toBe(false)
    expect(budget.detail).toContain('home 11,200 req/s = 56 %, p99 7.0 ms, 0 errors (miss)')
    expect(budget.detail).toMatch(/article 20,000 req\/s = 100 %, p99 7\.0 ms, 0 errors;/)
  })

  it('leaves out the list and the live story, pages bigger than the static reference', () => {
    const budget = frontBudget({ list: load(9_600) })
    expect(budget.pass).toBe(true)
    expect(budget.detail).not.toContain('list')
  })

  it('fails on a slow tail or an error', () => {
    expect(frontBudget({ gallery: load(26_000, 30) }).pass).toBe(false)
    expect(frontBudget({ article: load(20_000, 7, 1) }).pass).toBe(false)
  })
})

/** The next start budget of a run with the given article load, bare Next at 1,000 req/s. */
function nextBudget(article: LoadSummary, held?: Results['held']) {
  const run = results(passingFronts())
  run.pages.find((entry) => entry.key === 'article')!.next = article
  run.bareRef = { ...run.bareRef, ...load(1_000, 1_500) }
  run.held = held
  const budget = budgets(run).find((entry) => entry.name.startsWith('next start'))
  if (!budget) throw new Error('no next start budget')
  return budget
}

describe('the next start budget', () => {
  it('passes at 1.5x bare Next with p99 under 500 ms and no errors', () => {
    const budget = nextBudget(load(1_500, 450))
    expect(budget.pass).toBe(true)
    expect(budget.detail).toBe('1,500 vs 1,000 req/s = 1.50x, p99 450.0 ms, 0 errors')
  })

  it('shows the p99 with connections held beside the plain one, and judges the plain one', () => {
    const held = { holdMs: 1000, article: load(0, 84), bare: load(0, 81) }
    const budget = nextBudget(load(1_600, 884), held)
    expect(budget.pass).toBe(false)
    expect(budget.detail).toBe(
      '1,600 vs 1,000 req/s = 1.60x, p99 884.0 ms, 0 errors ' +
        '(connections held: p99 84.0 ms, bare Next 81.0 ms)',
    )
  })

  it('fails below 1.5x bare Next', () => {
    expect(nextBudget(load(1_400, 100)).pass).toBe(false)
  })

  it('is explained in the report when the held runs are there, and only then', () => {
    const run = results(passingFronts())
    expect(renderReport(run)).not.toContain('connections held')
    run.held = { holdMs: 1000, article: load(0, 84), bare: load(0, 81) }
    expect(renderReport(run)).toContain(
      'connections held: article p99 84.0 ms (p50 2.0 ms), bare Next p99 81.0 ms (p50 2.0 ms).',
    )
  })
})

function lighthouseRun(performance: number, tbtMs: number): LighthouseSummary {
  return {
    runs: 3,
    performance,
    accessibility: 100,
    bestPractices: 100,
    seo: 100,
    lcpMs: 1_200,
    cls: 0,
    tbtMs,
    fcpMs: 900,
    findings: [],
    lcpElement: undefined,
    performanceNotes: [],
    failedRuns: [],
    warnings: [],
    reports: [],
  }
}

/** A run with the Next.js floor: its article route at `floorRps`, bare Next at 1,000 req/s. */
function withFloor(floorRps: number, floorLighthouse?: LighthouseSummary): Results {
  const run = results(passingFronts())
  run.bareRef = { ...run.bareRef, ...load(1_000, 1_500) }
  run.floorRef = {
    ...load(floorRps, 400),
    htmlBytes: 89_500,
    path: '/news/story',
    page: { htmlBytes: 4_756, jsGzipBytes: 134_600, lighthouse: floorLighthouse },
  }
  return run
}

describe('the Next.js floor', () => {
  it('is shown under a missed budget, with its own verdict', () => {
    const run = withFloor(920)
    run.pages.find((entry) => entry.key === 'article')!.next = load(900, 800)
    const report = renderReport(run)
    expect(report).toContain(
      '        Next.js floor: /news/story 920 req/s = 0.92x, p99 400.0 ms, 0 errors, misses too',
    )
    run.floorRef!.rps = 1_600
    expect(renderReport(run)).toContain(
      '/news/story 1,600 req/s = 1.60x, p99 400.0 ms, 0 errors, passes',
    )
  })

  it('is not shown under a budget that passes', () => {
    const run = withFloor(920)
    run.pages.find((entry) => entry.key === 'article')!.next = load(1_500, 450)
    expect(renderReport(run)).not.toContain('Next.js floor:')
  })

  it('gives the Lighthouse budgets the smallest page, and the table both floor rows', () => {
    const run = withFloor(920, lighthouseRun(94, 279))
    for (const entry of run.pages) entry.lighthouse = lighthouseRun(85, 450)
    const report = renderReport(run)
    expect(report).toContain('FAIL  TBT <= 150 ms: home 450 ms (miss)')
    expect(report).toContain(
      '        Next.js floor: the smallest App Router page 279 ms, misses too',
    )
    expect(report).toContain('        Next.js floor: the smallest App Router page 94, misses too')
    // LCP and CLS pass on every page, so no floor line follows them.
    expect(report.match(/Next\.js floor: the smallest/g)).toHaveLength(2)
    expect(report).toMatch(/^ref: Next floor \/news\/story +920 +0\.92 /m)
    expect(report).toMatch(
      /^ref: Next floor \/ .* 94 +100 +100 +100 +1\.20 +0\.000 +279 +134\.6 +4\.8$/m,
    )
  })
})

function scores(
  performance: number,
  accessibility = 100,
  bestPractices = 100,
  seo = 100,
): LighthouseSummary {
  return { ...lighthouseRun(performance, 100), accessibility, bestPractices, seo }
}

/** The two format budgets of a run: the article, the list and the live story as given. */
function formats(
  story: { lighthouse?: LighthouseSummary; js?: number },
  list: { lighthouse?: LighthouseSummary; js?: number },
  live: { lighthouse?: LighthouseSummary; js?: number },
) {
  const run = results(passingFronts())
  const given = { article: story, list, live } as const
  for (const entry of run.pages) {
    if (!(entry.key in given)) continue
    const { lighthouse, js } = given[entry.key as keyof typeof given]
    entry.lighthouse = lighthouse
    if (js !== undefined) entry.jsGzipBytes = js
  }
  const [lighthouseBudget, jsBudget] = formatBudgets(run)
  if (!lighthouseBudget || !jsBudget) throw new Error('no format budgets')
  return { lighthouseBudget, jsBudget, report: renderReport(run) }
}

describe('the story-format budgets (issue #25)', () => {
  it('pass at 2 points below the article, and when a format scores higher', () => {
    const { lighthouseBudget, report } = formats(
      { lighthouse: scores(96) },
      { lighthouse: scores(94, 100, 100, 100) },
      { lighthouse: scores(99) },
    )
    expect(lighthouseBudget.pass).toBe(true)
    expect(lighthouseBudget.detail).toBe(
      'list perf 94 a11y 100 bp 100 seo 100, live perf 99 a11y 100 bp 100 seo 100, ' +
        '(article perf 96 a11y 100 bp 100 seo 100)',
    )
    expect(report).toContain(
      'PASS  list and live story, Lighthouse: each category within 2 points of the article',
    )
  })

  it('fail at 3 points below in any one category, and name it', () => {
    const { lighthouseBudget } = formats(
      { lighthouse: scores(96) },
      { lighthouse: scores(96) },
      { lighthouse: scores(96, 100, 100, 97) },
    )
    expect(lighthouseBudget.pass).toBe(false)
    expect(lighthouseBudget.detail).toContain('live perf 96 a11y 100 bp 100 seo 97 (miss)')
    expect(lighthouseBudget.detail).not.toContain('list perf 96 a11y 100 bp 100 seo 100 (miss)')
  })

  it('count a score Lighthouse could not give as a miss', () => {
    const { lighthouseBudget } = formats(
      { lighthouse: scores(96) },
      { lighthouse: scores(Number.NaN) },
      { lighthouse: scores(96) },
    )
    expect(lighthouseBudget.pass).toBe(false)
    expect(lighthouseBudget.detail).toContain('list perf NaN (miss)')
  })

  it('skip the Lighthouse line without Lighthouse, and still judge the JavaScript', () => {
    const { lighthouseBudget, jsBudget } = formats(
      { js: 145_600 },
      { js: 160_600 },
      { js: 160_700 },
    )
    expect(lighthouseBudget.pass).toBeNull()
    expect(jsBudget.pass).toBe(false)
    expect(jsBudget.detail).toBe(
      'list 160.6 KB (+15.0), live 160.7 KB (+15.1) (miss), (article 145.6 KB)',
    )
  })

  it('pass the JavaScript line at 15 KB gzip over the article, or less', () => {
    const { jsBudget, report } = formats({ js: 145_600 }, { js: 140_000 }, { js: 160_600 })
    expect(jsBudget.pass).toBe(true)
    expect(jsBudget.detail).toContain('list 140.0 KB (-5.6)')
    expect(report).toContain('PASS  list and live story: JS <= article + 15.0 KB gzip')
  })
})
