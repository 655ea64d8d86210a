/**
 * npm run bench: builds Marquee, starts it on 127.0.0.1 next to its references (nginx serving the
 * article's HTML from disk; a bare Next.js page of the same size; the Next.js floor, see
 * bare-next.ts; the nginx front), loads each with wrk, runs Lighthouse (mobile) on Marquee's
 * pages, counts page weight, and prints one table with the budgets of issues #7 and #25. Every
 * process it starts is stopped on exit, failure or Ctrl-C. `npm run bench -- --help` lists the
 * flags; `--render-cache` measures the shared render cache instead (render-cache.ts) and
 * `--against` compares this build's throughput with another checkout's (against.ts).
 */
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {
  nginxBinary,
  preparePrefix,
  previewModeId,
  renderFrontConfig,
  startNginx,
} from '../lib/front'
import { jsWeightOf } from '../lib/page-weight'
import { freePort } from '../lib/ports'
import { isStopping, onFinish, run, start, stopAll, waitForHttp } from '../lib/processes'
import { packageBin, toolVersion } from '../lib/tools'
import { benchAgainst } from './against'
import { articleText } from './article-text'
import {
  buildBareNext,
  buildNextFloor,
  FLOOR_ARTICLE_PATH,
  FLOOR_RENDERED_PATH,
  startBareNext,
} from './bare-next'
import { compareLighthouse } from './compare'
import { CHROMIUM, lighthouse } from './lighthouse'
import { parseOptions, type Options } from './options'
import { machine, writeResults } from './output'
import { benchRenderCache } from './render-cache'
import { budgets, renderReport, type PageKey, type PageResult, type Results } from './report'
import { STATIC_FILE, startStaticNginx } from './static-nginx'
import { loadOnce, summarise, wrkBinary, type LoadRun, type LoadSettings } from './wrk'

const ROOT = path.resolve(import.meta.dirname, '../..')
/** How long the held runs keep each connection's first request back (wrk-held.lua). */
const HOLD_MS = 1000
const began = Date.now()

function log(message: string): void {
  const seconds = ((Date.now() - began) / 1000).toFixed(0).padStart(4)
  console.error(`[${seconds} s] ${message}`)
}

interface Page {
  key: PageKey
  label: string
  path: string
}

/** The page's HTML, insisting on a 200 (a redirect or error would measure the wrong thing). */
async function fetchPage(url: string): Promise<string> {
  const response = await fetch(url, { redirect: 'manual' })
  const body = await response.text()
  if (response.status !== 200) {
    const where = response.headers.get('location')
    throw new Error(`${url} answered ${response.status}${where ? ` -> ${where}` : ''}, not 200`)
  }
  return body
}

async function main() {
  const options = parseOptions(process.argv.slice(2))
  const { urlBase, compareWith, against } = options
  if (against) {
    try {
      await benchAgainst({ ...options, against })
    } finally {
      await stopAll()
    }
    return
  }
  if (urlBase && compareWith) {
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}`)
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'marquee-bench-'))
    if (!options.keep) onFinish(() => rmSync(tmp, { recursive: true, force: true }))
    try {
      await compareLighthouse({ ...options, urlBase, compareWith }, tmp, log)
    } finally {
      await stopAll()
    }
    return
  }
  if (options.renderCache) {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'marquee-bench-'))
    log(`working folder ${tmp}${options.keep ? ' (kept)' : ''}`)
    if (!options.keep) onFinish(() => rmSync(tmp, { recursive: true, force: true }))
    try {
      await benchRenderCache(options, tmp, log)
    } finally {
      await stopAll()
    }
    return
  }
  // Check every tool before spending minutes on a build.
  wrkBinary()
  nginxBinary()
  if (options.lighthouse && !existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: apt-get install -y chromium, or set CHROME_PATH ` +
        '(or run with --no-lighthouse)',
    )
  }
  const startedAt = new Date()
  const loadBefore = os.loadavg()
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'marquee-bench-'))
  chmodSync(tmp, 0o755)
  log(`working folder ${tmp}${options.keep ? ' (kept)' : ''}`)
  if (!options.keep) onFinish(() => rmSync(tmp, { recursive: true, force: true }))
  try {
    await bench(options, tmp, startedAt, loadBefore)
  } finally {
    await stopAll()
  }
}

async function bench(options: Options, tmp: string, startedAt: Date, loadBefore: number[]) {
  const contentDir = process.env.CONTENT_DIR ?? 'content'
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' }
  const nextBin = packageBin(ROOT, 'next', 'next')
  const taken = new Set<number>()

  // Marquee: built here and served by next start, or the running server at --url-base.
  let base: string
  if (options.urlBase) {
    base = options.urlBase
    log(`measuring the running site at ${base} (no build, no next start)`)
  } else {
    if (options.skipBuild) {
      if (!existsSync(path.join(ROOT, '.next', 'BUILD_ID'))) {
        throw new Error('--skip-build: there is no build in .next; run without it')
      }
      log('using the existing build in .next')
    } else {
      log(`next build (content: ${contentDir}); log in ${tmp}/marquee-build.log`)
      await run('next build', process.execPath, [nextBin, 'build'], {
        cwd: ROOT,
        env,
        logFile: path.join(tmp, 'marquee-build.log'),
        timeoutMs: 3_600_000,
      })
    }
    const port = await freePort(3400, 3499, taken)
    taken.add(port)
    const server = start(
      'next start',
      process.execPath,
      [nextBin, 'start', '-H', '127.0.0.1', '-p', String(port)],
      { cwd: ROOT, env, logFile: path.join(tmp, 'marquee-start.log') },
    )
    base = `http://127.0.0.1:${port}`
    await waitForHttp(`${base}/`, server)
    log(`next start on ${base}`)
  }

  const pages: Page[] = [
    { key: 'home', label: 'home', path: options.home },
    { key: 'article', label: 'article', path: options.article },
    { key: 'gallery', label: 'gallery photo', path: options.gallery },
    { key: 'hub', label: 'category hub', path: options.hub },
    { key: 'list', label: 'ranked list', path: options.list },
    { key: 'live', label: 'live story', path: options.live },
  ]

  // Page weight, from the pages as served.
  const html = new Map<PageKey, string>()
  const weights = new Map<PageKey, { js: number; scripts: number }>()
  for (const page of pages) {
    const url = `${base}${page.path}`
    const text = await fetchPage(url)
    const js = await jsWeightOf(text, url)
    html.set(page.key, text)
    weights.set(page.key, { js: js.gzipBytes, scripts: js.scripts.length })
  }
  const articleHtml = html.get('article')!
  const text = articleText(articleHtml)
  const title = /<h1\b[^>]*>([\s\S]*?)<\/h1>/i.exec(articleHtml)?.[1]?.replace(/<[^>]*>/g, '') ?? ''
  log(
    `article: ${(Buffer.byteLength(articleHtml) / 1000).toFixed(1)} KB HTML, ` +
      `${(text.bytes / 1000).toFixed(1)} KB body text in ${text.blocks.length} blocks`,
  )

  // Reference (b): a bare Next.js page of the same size.
  const bareApp = await buildBareNext({
    dir: path.join(tmp, 'bare-next'),
    title: title || 'Bare Next.js page',
    blocks: text.blocks,
    targetHtmlBytes: Buffer.byteLength(articleHtml),
    log,
  })
  const barePort = await freePort(3400, 3499, taken)
  taken.add(barePort)
  const bare = startBareNext(bareApp, barePort)
  const bareUrl = `http://127.0.0.1:${barePort}/`
  await waitForHttp(bareUrl, bare)
  const bareHtml = await fetchPage(bareUrl)
  const bareJs = await jsWeightOf(bareHtml, bareUrl)
  log(`bare Next.js on ${bareUrl}`)

  // Reference (c): the Next.js floor, with one page rendered at run time before it is measured.
  const floorApp = await buildNextFloor({
    dir: path.join(tmp, 'next-floor'),
    title: title || 'Bare Next.js page',
    paragraphs: bareApp.paragraphs,
    log,
  })
  const floorPort = await freePort(3400, 3499, taken)
  taken.add(floorPort)
  const floorServer = startBareNext(floorApp, floorPort, 'Next.js floor')
  const floorBase = `http://127.0.0.1:${floorPort}`
  await waitForHttp(`${floorBase}/`, floorServer)
  await fetchPage(`${floorBase}${FLOOR_RENDERED_PATH}`)
  const floorUrl = `${floorBase}${FLOOR_ARTICLE_PATH}`
  const floorHtml = await fetchPage(`${floorBase}/`)
  const floorJs = await jsWeightOf(floorHtml, `${floorBase}/`)
  const floorArticleHtml = await fetchPage(floorUrl)
  log(`Next.js floor on ${floorBase}`)

  // Reference (a): nginx serving the article's HTML from disk.
  const staticPort = await freePort(8400, 8499, taken)
  taken.add(staticPort)
  const staticNginx = await startStaticNginx(
    path.join(tmp, 'nginx-static'),
    staticPort,
    articleHtml,
  )
  const staticUrl = `http://127.0.0.1:${staticPort}${STATIC_FILE}`
  await waitForHttp(staticUrl, staticNginx, 15_000)
  log(`nginx static on ${staticUrl}`)

  // The production front (ops/nginx/marquee.conf) in front of the same Marquee server.
  const frontPort = await freePort(8400, 8499, taken)
  taken.add(frontPort)
  const frontPrefix = path.join(tmp, 'nginx-front')
  const confFile = preparePrefix(
    frontPrefix,
    renderFrontConfig({
      listen: `127.0.0.1:${frontPort}`,
      upstream: new URL(base).host,
      staticDir: path.join(ROOT, '.next', 'static'),
      previewId: previewModeId(path.join(ROOT, '.next')),
    }),
  )
  const front = await startNginx('nginx front', frontPrefix, confFile)
  const frontBase = `http://127.0.0.1:${frontPort}`
  await waitForHttp(`${frontBase}/`, front, 15_000)
  log(`nginx front on ${frontBase}`)

  // Lighthouse first, while nothing else loads the machine.
  const lighthouseResults = new Map<PageKey, Awaited<ReturnType<typeof lighthouse>>>()
  let bareLighthouse: Awaited<ReturnType<typeof lighthouse>> | undefined
  let floorLighthouse: Awaited<ReturnType<typeof lighthouse>> | undefined
  if (options.lighthouse) {
    const dir = path.join(tmp, 'lighthouse')
    mkdirSync(dir, { recursive: true })
    for (const page of pages) {
      log(`Lighthouse ${page.path} x ${options.lighthouseRuns}`)
      lighthouseResults.set(
        page.key,
        await lighthouse(`${base}${page.path}`, options.lighthouseRuns, dir, page.key),
      )
    }
    // The same Lighthouse on a bare Next page of the same size, and on the smallest one.
    log(`Lighthouse bare Next x ${options.lighthouseRuns}`)
    bareLighthouse = await lighthouse(bareUrl, options.lighthouseRuns, dir, 'bare-next')
    log(`Lighthouse Next.js floor x ${options.lighthouseRuns}`)
    floorLighthouse = await lighthouse(`${floorBase}/`, options.lighthouseRuns, dir, 'next-floor')
  }

  // Load: every target once per round, so the machine's background noise falls on all alike.
  const settings: LoadSettings = {
    durationS: options.duration,
    connections: options.connections,
    threads: options.threads,
    gzip: options.gzip,
  }
  const articleUrl = `${base}${pages.find((page) => page.key === 'article')!.path}`
  const targets: { id: string; label: string; url: string; holdMs?: number }[] = [
    { id: 'static', label: 'nginx static', url: staticUrl },
    { id: 'bare', label: 'bare Next', url: bareUrl },
    { id: 'floor', label: 'Next floor', url: floorUrl },
    ...pages.map((page) => ({
      id: `next:${page.key}`,
      label: `next ${page.key}`,
      url: `${base}${page.path}`,
    })),
    ...pages.map((page) => ({
      id: `front:${page.key}`,
      label: `front ${page.key}`,
      url: `${frontBase}${page.path}`,
    })),
    // The same two Node servers with every connection accepted before the load starts: their
    // p99 without the connection set-up that the plain runs include (wrk-held.lua).
    { id: 'held:bare', label: 'bare held', url: bareUrl, holdMs: HOLD_MS },
    { id: 'held:article', label: 'article held', url: articleUrl, holdMs: HOLD_MS },
  ]
  for (const target of targets) await fetchPage(target.url)
  const wrkLog = path.join(tmp, 'wrk.log')
  if (options.warmup > 0) {
    log(`warm-up: ${options.warmup} s per target`)
    for (const target of targets.filter((candidate) => !candidate.holdMs)) {
      await loadOnce(target.url, settings, options.warmup, wrkLog)
    }
  }
  const frontCache = new Map<PageKey, string>()
  for (const page of pages) {
    const response = await fetch(`${frontBase}${page.path}`)
    await response.arrayBuffer()
    frontCache.set(page.key, response.headers.get('x-cache-status') ?? 'none')
  }
  const runs = new Map<string, LoadRun[]>(targets.map((target) => [target.id, []]))
  for (let round = 1; round <= options.runs; round++) {
    for (const target of targets) {
      const result = await loadOnce(target.url, settings, options.duration, wrkLog, target.holdMs)
      runs.get(target.id)!.push(result)
      log(
        `run ${round}/${options.runs} ${target.label.padEnd(13)} ${Math.round(result.rps)
          .toString()
          .padStart(
            6,
          )} req/s  p50 ${result.p50Ms.toFixed(1)} ms  p99 ${result.p99Ms.toFixed(1)} ms  ` +
          `${result.errors} errors${result.errors ? ` (${summarise([result]).errorDetail})` : ''}`,
      )
    }
  }
  for (const target of targets) await fetchPage(target.url)

  const summary = (id: string) => summarise(runs.get(id) ?? [])
  const results: Results = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
    settings: {
      durationS: options.duration,
      runs: options.runs,
      connections: options.connections,
      threads: options.threads,
      warmupS: options.warmup,
      lighthouseRuns: options.lighthouse ? options.lighthouseRuns : 0,
      gzip: options.gzip,
    },
    machine: machine(loadBefore, {
      nginx: toolVersion(nginxBinary(), ['-v']).replace('nginx version: ', ''),
      wrk: toolVersion(wrkBinary(), ['--version']).split(' ')[1] ?? '?',
      ...(options.lighthouse ? { chromium: toolVersion(CHROMIUM, ['--version']) } : {}),
    }),
    target: base,
    contentDir,
    pages: pages.map((page): PageResult => ({
      ...page,
      htmlBytes: Buffer.byteLength(html.get(page.key)!),
      jsGzipBytes: weights.get(page.key)!.js,
      scripts: weights.get(page.key)!.scripts,
      next: summary(`next:${page.key}`),
      front: summary(`front:${page.key}`),
      frontCache: frontCache.get(page.key) ?? 'none',
      lighthouse: lighthouseResults.get(page.key),
    })),
    articleTextBytes: text.bytes,
    staticRef: { ...summary('static'), htmlBytes: Buffer.byteLength(articleHtml) },
    held: { holdMs: HOLD_MS, article: summary('held:article'), bare: summary('held:bare') },
    bareRef: {
      ...summary('bare'),
      htmlBytes: Buffer.byteLength(bareHtml),
      jsGzipBytes: bareJs.gzipBytes,
      version: bareApp.version,
      builds: bareApp.builds,
      lighthouse: bareLighthouse,
    },
    floorRef: {
      ...summary('floor'),
      htmlBytes: Buffer.byteLength(floorArticleHtml),
      path: FLOOR_ARTICLE_PATH,
      page: {
        htmlBytes: Buffer.byteLength(floorHtml),
        jsGzipBytes: floorJs.gzipBytes,
        lighthouse: floorLighthouse,
      },
    },
  }

  const report = renderReport(results)
  console.log(`\n${report}`)

  if (options.out) {
    const out = path.resolve(options.out)
    writeResults(out, { json: 'results.json', text: 'report.txt' }, results, report)
    if (options.lighthouse)
      cpSync(path.join(tmp, 'lighthouse'), path.join(out, 'lighthouse'), { recursive: true })
    log(`results written to ${out}`)
  }
  if (options.failOnBudget && budgets(results).some((budget) => budget.pass === false)) {
    process.exitCode = 1
  }
}

main().catch(async (error: unknown) => {
  if (isStopping()) return
  console.error(`\nbench failed: ${error instanceof Error ? error.message : String(error)}`)
  await stopAll()
  process.exitCode = 1
})
