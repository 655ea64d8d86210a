/** The bench's one table, its budgets and the findings behind any Lighthouse miss. */
import type { LighthouseSummary } from './lighthouse'
import type { PAGE_KEYS } from './options'
import type { Machine } from './output'
import type { LoadSummary } from './wrk'

export type PageKey = (typeof PAGE_KEYS)[number]

/** The story formats of issue #25, each judged against the plain article of the same run. */
const FORMAT_PAGES: readonly PageKey[] = ['list', 'live']
/** How far below the article a format page's Lighthouse category may score. */
export const FORMAT_POINTS = 2
/** How much more JavaScript (gzip) a format page may load than the article. */
export const FORMAT_EXTRA_JS_BYTES = 15_000

export interface PageResult {
  key: PageKey
  label: string
  path: string
  htmlBytes: number
  jsGzipBytes: number
  scripts: number
  next: LoadSummary
  front: LoadSummary
  /** nginx's X-Cache-Status for the page after the warm-up (HIT expected). */
  frontCache: string
  lighthouse?: LighthouseSummary
}

export interface Results {
  startedAt: string
  finishedAt: string
  command: string
  settings: {
    durationS: number
    runs: number
    connections: number
    threads: number
    warmupS: number
    lighthouseRuns: number
    gzip: boolean
  }
  machine: Machine
  target: string
  contentDir: string
  pages: PageResult[]
  articleTextBytes: number
  staticRef: LoadSummary & { htmlBytes: number }
  /**
   * The article and the bare page again, with every connection accepted before the load starts
   * (wrk-held.lua): their p99 without connection set-up. Shown beside the budget, not judged.
   */
  held?: { holdMs: number; article: LoadSummary; bare: LoadSummary }
  bareRef: LoadSummary & {
    htmlBytes: number
    jsGzipBytes: number
    version: string
    builds: number
    lighthouse?: LighthouseSummary
  }
  /**
   * The Next.js floor (bare-next.ts): its article route under load, and its smallest page under
   * Lighthouse. What the framework costs before any of a site's own code.
   */
  floorRef?: LoadSummary & {
    htmlBytes: number
    path: string
    page: { htmlBytes: number; jsGzipBytes: number; lighthouse?: LighthouseSummary }
  }
}

export interface Budget {
  name: string
  pass: boolean | null
  detail: string
  /** The same budget applied to the Next.js floor, shown under a miss. */
  floor?: { pass: boolean; detail: string }
}

const kb = (bytes: number) => (bytes / 1000).toFixed(1)
const fixed = (value: number | undefined, digits: number) =>
  value === undefined || !Number.isFinite(value) ? '-' : value.toFixed(digits)
const int = (value: number | undefined) =>
  value === undefined || !Number.isFinite(value) ? '-' : Math.round(value).toLocaleString('en-US')

function table(header: string[], rows: string[][], leftColumns = 1): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  )
  const line = (cells: string[]) =>
    cells
      .map((cell, column) =>
        column < leftColumns ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!),
      )
      .join('  ')
      .trimEnd()
  const rule = widths.map((width) => '-'.repeat(width)).join('  ')
  return [line(header), rule, ...rows.map(line)].join('\n')
}

export function renderTable(results: Results): string {
  const { pages, staticRef, bareRef } = results
  const header = [
    'page',
    'req/s',
    'x bare',
    'p50 ms',
    'p99 ms',
    'err',
    'front req/s',
    '% static',
    'front p99',
    'front err',
    'perf',
    'a11y',
    'bp',
    'seo',
    'LCP s',
    'CLS',
    'TBT ms',
    'JS KB gz',
    'HTML KB',
  ]
  const lighthouseCells = (lh: LighthouseSummary | undefined) => [
    lh ? String(lh.performance) : '-',
    lh ? String(lh.accessibility) : '-',
    lh ? String(lh.bestPractices) : '-',
    lh ? String(lh.seo) : '-',
    fixed(lh && lh.lcpMs / 1000, 2),
    fixed(lh?.cls, 3),
    int(lh?.tbtMs),
  ]
  /** req/s, x bare, p50, p99, err; bare Next's own ratio is 1 by definition. */
  const loadCells = (load: LoadSummary, ratio = fixed(load.rps / bareRef.rps, 2)) => [
    int(load.rps),
    ratio,
    fixed(load.p50Ms, 1),
    fixed(load.p99Ms, 1),
    String(load.errors),
  ]
  const rows = pages.map((page) => {
    return [
      page.label,
      ...loadCells(page.next),
      int(page.front.rps),
      `${fixed((100 * page.front.rps) / staticRef.rps, 0)} %`,
      fixed(page.front.p99Ms, 1),
      String(page.front.errors),
      ...lighthouseCells(page.lighthouse),
      kb(page.jsGzipBytes),
      kb(page.htmlBytes),
    ]
  })
  const blank = (count: number) => Array<string>(count).fill('')
  rows.push(
    ['ref: nginx static', ...loadCells(staticRef), ...blank(12), kb(staticRef.htmlBytes)],
    [
      `ref: bare Next ${bareRef.version}`,
      ...loadCells(bareRef, '1.00'),
      ...blank(4),
      ...lighthouseCells(bareRef.lighthouse),
      kb(bareRef.jsGzipBytes),
      kb(bareRef.htmlBytes),
    ],
  )
  const floor = results.floorRef
  if (floor) {
    rows.push(
      [`ref: Next floor ${floor.path}`, ...loadCells(floor), ...blank(12), kb(floor.htmlBytes)],
      [
        'ref: Next floor /',
        ...blank(9),
        ...lighthouseCells(floor.page.lighthouse),
        kb(floor.page.jsGzipBytes),
        kb(floor.page.htmlBytes),
      ],
    )
  }
  return table(header, rows)
}

const article = (results: Results) => {
  const page = results.pages.find((candidate) => candidate.key === 'article')
  if (!page) throw new Error('no article page in the results')
  return page
}

/** The next start budget: 1.5x bare Next's req/s, p99 within 500 ms, no errors. */
function meetsNextStart(load: LoadSummary, bareRps: number): boolean {
  return load.rps / bareRps >= 1.5 && load.p99Ms <= 500 && load.errors === 0
}

/** The next start budget applied to the floor's article route. */
function throughputFloor(
  floor: NonNullable<Results['floorRef']>,
  bareRps: number,
): NonNullable<Budget['floor']> {
  const ratio = floor.rps / bareRps
  return {
    pass: meetsNextStart(floor, bareRps),
    detail:
      `${floor.path} ${int(floor.rps)} req/s = ${ratio.toFixed(2)}x, ` +
      `p99 ${fixed(floor.p99Ms, 1)} ms, ${floor.errors} errors`,
  }
}

export function budgets(results: Results): Budget[] {
  const list: Budget[] = []
  const pages = results.pages
  const bareLighthouse = results.bareRef.lighthouse
  const floorLighthouse = results.floorRef?.page.lighthouse
  const perPage = (
    name: string,
    value: (lh: LighthouseSummary) => number,
    ok: (value: number) => boolean,
    show: (value: number) => string,
  ) => {
    const values = pages.map((page) => (page.lighthouse ? value(page.lighthouse) : undefined))
    // A value Lighthouse could not measure (NaN) counts as a miss.
    const meets = (value: number | undefined) =>
      value !== undefined && Number.isFinite(value) && ok(value)
    const passes = values.map(meets)
    const floorValue = floorLighthouse && value(floorLighthouse)
    list.push({
      name,
      pass: values.some((value) => value === undefined) ? null : passes.every(Boolean),
      detail: pages
        .map((page, index) => {
          const value = values[index]
          if (value === undefined) return `${page.key} -`
          if (!Number.isFinite(value)) return `${page.key} not measured (miss)`
          return `${page.key} ${show(value)}${passes[index] ? '' : ' (miss)'}`
        })
        .concat(bareLighthouse ? [`(bare Next: ${show(value(bareLighthouse))})`] : [])
        .join(', '),
      floor:
        floorValue === undefined
          ? undefined
          : {
              pass: meets(floorValue),
              detail: `the smallest App Router page ${show(floorValue)}`,
            },
    })
  }
  perPage(
    'Lighthouse mobile performance >= 98',
    (lh) => lh.performance,
    (v) => v >= 98,
    String,
  )
  perPage(
    'Lighthouse accessibility = 100',
    (lh) => lh.accessibility,
    (v) => v === 100,
    String,
  )
  perPage(
    'Lighthouse best practices = 100',
    (lh) => lh.bestPractices,
    (v) => v === 100,
    String,
  )
  perPage(
    'Lighthouse SEO = 100',
    (lh) => lh.seo,
    (v) => v === 100,
    String,
  )
  perPage(
    'LCP <= 1.5 s',
    (lh) => lh.lcpMs,
    (v) => v <= 1500,
    (v) => `${(v / 1000).toFixed(2)} s`,
  )
  perPage(
    'CLS 0',
    (lh) => lh.cls,
    (v) => v < 0.0005,
    (v) => v.toFixed(3),
  )
  perPage(
    'TBT <= 150 ms',
    (lh) => lh.tbtMs,
    (v) => v <= 150,
    (v) => `${Math.round(v)} ms`,
  )

  list.push(...formatBudgets(results))

  const story = article(results)
  list.push({
    name: 'article JS <= 150 KB gzip',
    pass: story.jsGzipBytes <= 150_000,
    detail: `${kb(story.jsGzipBytes)} KB in ${story.scripts} scripts`,
  })
  const ratio = story.next.rps / results.bareRef.rps
  const { held, floorRef } = results
  list.push({
    name: 'next start, cached article: >= 1.5x bare Next req/s, p99 <= 500 ms, 0 errors',
    pass: meetsNextStart(story.next, results.bareRef.rps),
    floor: floorRef && throughputFloor(floorRef, results.bareRef.rps),
    detail:
      `${int(story.next.rps)} vs ${int(results.bareRef.rps)} req/s = ${ratio.toFixed(2)}x, ` +
      `p99 ${fixed(story.next.p99Ms, 1)} ms, ${story.next.errors} errors` +
      (held
        ? ` (connections held: p99 ${fixed(held.article.p99Ms, 1)} ms, ` +
          `bare Next ${fixed(held.bare.p99Ms, 1)} ms)`
        : ''),
  })
  // The front must hold on every page, not only the article: the home page is the heaviest.
  // The story formats are left out: the reference is nginx serving the article's HTML, and a
  // ranked list's page is three times its size (without gzip, wrk's req/s follow the bytes).
  const fronts = pages
    .filter((page) => !FORMAT_PAGES.includes(page.key))
    .map((page) => {
      const share = page.front.rps / results.staticRef.rps
      const pass = share >= 0.6 && page.front.p99Ms <= 25 && page.front.errors === 0
      const detail =
        `${page.key} ${int(page.front.rps)} req/s = ${(100 * share).toFixed(0)} %, ` +
        `p99 ${fixed(page.front.p99Ms, 1)} ms, ${page.front.errors} errors${pass ? '' : ' (miss)'}`
      return { pass, detail }
    })
  list.push({
    name:
      'nginx front, every page but the formats: >= 60 % of nginx-static req/s, p99 <= 25 ms, ' +
      '0 errors',
    pass: fronts.every((front) => front.pass),
    detail: [
      ...fronts.map((front) => front.detail),
      `(nginx static ${int(results.staticRef.rps)} req/s)`,
    ].join('; '),
  })
  return list
}

const CATEGORIES = [
  ['perf', (lh: LighthouseSummary) => lh.performance],
  ['a11y', (lh: LighthouseSummary) => lh.accessibility],
  ['bp', (lh: LighthouseSummary) => lh.bestPractices],
  ['seo', (lh: LighthouseSummary) => lh.seo],
] as const

/**
 * Issue #25: the ranked list and the live story against the plain article of the same run. Each
 * Lighthouse category (median) at most FORMAT_POINTS below the article's (scoring higher is
 * fine), and their JavaScript at most FORMAT_EXTRA_JS_BYTES (gzip) above the article's. Two
 * lines, so that a run without Lighthouse still judges the JavaScript.
 */
export function formatBudgets(results: Results): Budget[] {
  const story = article(results)
  const formats = results.pages.filter((page) => FORMAT_PAGES.includes(page.key))
  if (formats.length === 0) return []
  const base = story.lighthouse
  const scores = formats.map((page) => {
    const lh = page.lighthouse
    if (!base || !lh) return { pass: null, detail: `${page.key} -` }
    const cells = CATEGORIES.map(([name, pick]) => {
      const value = pick(lh)
      const gap = pick(base) - value
      // A score Lighthouse could not give (NaN) counts as a miss.
      const pass = Number.isFinite(value) && gap <= FORMAT_POINTS
      return { pass, text: `${name} ${value}${pass ? '' : ' (miss)'}` }
    })
    return {
      pass: cells.every((cell) => cell.pass),
      detail: `${page.key} ${cells.map((cell) => cell.text).join(' ')}`,
    }
  })
  const scripts = formats.map((page) => {
    const extra = page.jsGzipBytes - story.jsGzipBytes
    const pass = extra <= FORMAT_EXTRA_JS_BYTES
    const sign = extra < 0 ? '-' : '+'
    return {
      pass,
      detail: `${page.key} ${kb(page.jsGzipBytes)} KB (${sign}${kb(Math.abs(extra))})${pass ? '' : ' (miss)'}`,
    }
  })
  return [
    {
      name: `list and live story, Lighthouse: each category within ${FORMAT_POINTS} points of the article`,
      pass: scores.some((score) => score.pass === null)
        ? null
        : scores.every((score) => score.pass),
      detail: [
        ...scores.map((score) => score.detail),
        base
          ? `(article ${CATEGORIES.map(([name, pick]) => `${name} ${pick(base)}`).join(' ')})`
          : '(article -)',
      ].join(', '),
    },
    {
      name: `list and live story: JS <= article + ${kb(FORMAT_EXTRA_JS_BYTES)} KB gzip`,
      pass: scripts.every((script) => script.pass),
      detail: [
        ...scripts.map((script) => script.detail),
        `(article ${kb(story.jsGzipBytes)} KB)`,
      ].join(', '),
    },
  ]
}

export function renderReport(results: Results): string {
  const { settings, machine } = results
  const story = article(results)
  const out: string[] = []
  out.push(
    `Marquee bench, ${results.startedAt} to ${results.finishedAt}`,
    `  ${results.command}`,
    `  target ${results.target}, content ${results.contentDir}`,
    `  wrk ${settings.connections} connections, ${settings.threads} threads, ` +
      `median of ${settings.runs} x ${settings.durationS} s (after a ${settings.warmupS} s warm-up), ` +
      `Accept-Encoding: ${settings.gzip ? 'gzip' : 'none'}; ` +
      `Lighthouse mobile, median of ${settings.lighthouseRuns}`,
    `  ${machine.cpus} CPUs, load average ${machine.loadBefore.map((l) => l.toFixed(2)).join(' ')} before, ` +
      `${machine.loadAfter.map((l) => l.toFixed(2)).join(' ')} after; ` +
      Object.entries(machine.versions)
        .map(([name, version]) => `${name} ${version}`)
        .join(', '),
    '',
    renderTable(results),
    '',
    `  pages: ${results.pages.map((page) => `${page.key} ${page.path}`).join(', ')}`,
    '  req/s, p50, p99: next start (median of the runs); x bare: against the bare Next.js page;',
    '  err: socket errors plus responses >= 400, summed over all runs (every URL is checked to',
    '  answer 200 itself, not a redirect, before and after the load); front: the same page through',
    '  the nginx front (ops/nginx/marquee.conf), % static: its req/s against nginx serving the',
    '  article HTML from disk; KB = 1,000 bytes; JS KB gz: what npm run measure:js counts.',
    ...(results.floorRef
      ? [
          '  Next floor: a bare Next.js app with ETags off. Its article route is the bare page at',
          '  /[category]/[slug], revalidated every 60 s, loaded after one page has rendered at run',
          '  time; its / is the smallest App Router page (one heading, one paragraph, no CSS).',
        ]
      : []),
    '',
    `  article HTML ${kb(story.htmlBytes)} KB for ${kb(results.articleTextBytes)} KB of body text ` +
      `(${(story.htmlBytes / results.articleTextBytes).toFixed(1)} bytes of HTML per byte of text); ` +
      `bare Next page ${kb(results.bareRef.htmlBytes)} KB HTML (${results.bareRef.builds} build(s) to match)`,
    `  with the nginx front: ${results.pages
      .map(
        (page) =>
          `${page.key} ${((100 * page.front.rps) / results.staticRef.rps).toFixed(0)} % of ` +
          `nginx-static req/s, p99 ${fixed(page.front.p99Ms, 1)} ms (cache ${page.frontCache})`,
      )
      .join('; ')}`,
  )
  if (results.held) {
    const { holdMs, article: heldArticle, bare } = results.held
    out.push(
      `  connections held: article p99 ${fixed(heldArticle.p99Ms, 1)} ms (p50 ` +
        `${fixed(heldArticle.p50Ms, 1)} ms), bare Next p99 ${fixed(bare.p99Ms, 1)} ms ` +
        `(p50 ${fixed(bare.p50Ms, 1)} ms).`,
      `  In these runs each connection's first request waits ${holdMs} ms, so that Node has accepted`,
      '  all of them before the load starts. Under load it accepts one connection per event-loop',
      '  turn, and the p99 of the plain runs includes that wait (README, Benchmark).',
    )
  }
  const failing = [
    ...results.pages.flatMap((page) => [
      [`next ${page.key}`, page.next] as const,
      [`front ${page.key}`, page.front] as const,
    ]),
    ['nginx static', results.staticRef] as const,
    ['bare Next', results.bareRef] as const,
    ...(results.floorRef ? [['Next floor', results.floorRef] as const] : []),
    ...(results.held
      ? [
          ['article held', results.held.article] as const,
          ['bare Next held', results.held.bare] as const,
        ]
      : []),
  ].filter(([, load]) => load.errors > 0)
  if (failing.length > 0) {
    out.push(
      `  errors by kind (timeout: no answer within 5 s): ${failing
        .map(([name, load]) => `${name} ${load.errorDetail}`)
        .join('; ')}`,
    )
  }
  out.push('', 'Budgets')
  for (const budget of budgets(results)) {
    const mark = budget.pass === null ? 'SKIP' : budget.pass ? 'PASS' : 'FAIL'
    out.push(`  ${mark}  ${budget.name}: ${budget.detail}`)
    if (budget.pass === false && budget.floor) {
      const verdict = budget.floor.pass ? 'passes' : 'misses too'
      out.push(`        Next.js floor: ${budget.floor.detail}, ${verdict}`)
    }
  }
  const withLighthouse = results.pages.filter((page) => page.lighthouse)
  if (withLighthouse.length > 0) {
    out.push('', 'Lighthouse findings (audits that lost points in any run; LCP element)')
    for (const page of withLighthouse) {
      const lh = page.lighthouse!
      out.push(`  ${page.key} ${page.path}`)
      out.push(`    LCP element: ${lh.lcpElement ?? '(none reported)'}`)
      for (const note of lh.performanceNotes) out.push(`    ${note}`)
      if (lh.failedRuns.length > 0) {
        out.push(
          `    ${lh.failedRuns.length} run(s) not measured and retried: ${lh.failedRuns.join('; ')}`,
        )
      }
      for (const finding of lh.findings.filter((f) => f.category !== 'performance')) {
        out.push(`    ${finding.category} ${finding.id} (score ${finding.score}): ${finding.title}`)
        for (const item of finding.items) out.push(`      - ${item}`)
      }
      for (const warning of lh.warnings) out.push(`    warning: ${warning}`)
    }
  }
  return out.join('\n')
}
