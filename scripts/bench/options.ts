import { parseArgs } from 'node:util'
import { z } from 'zod'

/** The pages the bench measures, in its order (report.ts has their budgets). */
export const PAGE_KEYS = ['home', 'article', 'gallery', 'hub', 'list', 'live'] as const

export const USAGE = `usage: npm run bench -- [flags]

Builds Marquee, starts it on 127.0.0.1 with the references it is compared to (nginx serving the
article's HTML from disk, a bare Next.js page of the same size, the nginx front), loads every one
with wrk and runs Lighthouse (mobile) on Marquee's pages, then prints one table and the budgets.

  --quick                 a fast, rough run: 1 run of 3 s per target, 1 Lighthouse run per page
  --duration <s>          seconds per wrk run (default 10)
  --runs <n>              wrk runs per target; the median is reported (default 5)
  --connections <n>       wrk connections (default 64)
  --threads <n>           wrk threads (default 2)
  --warmup <s>            an unreported wrk run per target before measuring (default 2)
  --lighthouse-runs <n>   Lighthouse runs per page; the median is reported (default 3)
  --no-lighthouse         skip Lighthouse
  --gzip                  wrk sends Accept-Encoding: gzip (default: none, like the reference)
  --skip-build            use the existing .next build instead of running next build
  --url-base <url>        measure an already running Marquee (no build, no next start); the
                          nginx front then proxies to it
  --compare-with <url>    with --url-base: Lighthouse only, on the same pages of both running
                          builds in alternating runs (--lighthouse-runs each); prints both
                          medians and what the --url-base build lost (no references, no wrk)
  --against <checkout>    wrk only: this build against another checkout's (both built), each
                          served by its own start:front, in --runs alternating rounds of
                          --duration s (scripts/bench/ab.sh); prints the medians of this/that
  --pages <keys>          with --compare-with: only these pages, comma-separated (e.g.
                          article,list,live; default all six)
  --home <path>           home page path (default /)
  --article <path>        article path (default /tv/luke-cage-season-2-set-photos)
  --gallery <path>        gallery photo path (default /gallery/luke-cage-season-2-set-photos/3)
  --hub <path>            category hub path (default /tv)
  --list <path>           ranked-list story path (default /tv/worst-mcu-netflix-episodes)
  --live <path>           live-coverage story path (default /tv/emmys-2026-red-carpet-live);
                          both are judged against the article in the same run (issue #25)
  --out <dir>             also write results.json and the Lighthouse reports there
  --keep                  keep the temporary folder (bare Next app, nginx logs) for inspection
  --fail-on-budget        exit 1 when a budget is missed (default: exit 0 after reporting)
  --render-cache          instead: the shared render cache's figures (scripts/bench/render-cache.ts):
                          first renders/s with 1 and 2 instances on one Redis, cached-article req/s
                          with the Redis handler against the file-system cache, RSS, Redis memory
  --library <dir>         with --render-cache: the library (default: 10,000 synthetic stories)
  --rounds <n>            with --render-cache: alternating rounds; medians reported (default 3)
  --redis-maxmemory <sz>  with --render-cache: overrides ops/redis/redis.conf's maxmemory (e.g. 4gb)
  --help

CONTENT_DIR=<dir> npm run bench builds and serves another content library (choose its pages with
--article, --gallery, --hub, --list and --live).`

const path = z
  .string()
  .regex(/^\/[^\s?#]*$/, 'a path starting with / (no query)')
  .describe('path')
const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback)

const schema = z.object({
  quick: z.boolean().default(false),
  duration: positiveInt(10),
  runs: positiveInt(5),
  connections: positiveInt(64),
  threads: positiveInt(2),
  warmup: z.coerce.number().int().nonnegative().default(2),
  lighthouseRuns: positiveInt(3),
  lighthouse: z.boolean().default(true),
  gzip: z.boolean().default(false),
  skipBuild: z.boolean().default(false),
  urlBase: z
    .url({ protocol: /^https?$/ })
    .transform((url) => url.replace(/\/+$/, ''))
    .optional(),
  compareWith: z
    .url({ protocol: /^https?$/ })
    .transform((url) => url.replace(/\/+$/, ''))
    .optional(),
  against: z.string().min(1).optional(),
  pages: z
    .string()
    .transform((value) => value.split(',').map((key) => key.trim()))
    .pipe(z.array(z.enum(PAGE_KEYS)).min(1))
    .optional(),
  home: path.default('/'),
  article: path.default('/tv/luke-cage-season-2-set-photos'),
  gallery: path.default('/gallery/luke-cage-season-2-set-photos/3'),
  hub: path.default('/tv'),
  list: path.default('/tv/worst-mcu-netflix-episodes'),
  live: path.default('/tv/emmys-2026-red-carpet-live'),
  out: z.string().min(1).optional(),
  keep: z.boolean().default(false),
  failOnBudget: z.boolean().default(false),
  renderCache: z.boolean().default(false),
  library: z.string().min(1).optional(),
  rounds: positiveInt(3),
  redisMaxmemory: z
    .string()
    .regex(/^\d+(?:[kmg]b?)?$/i, 'a size such as 4gb or 256mb')
    .optional(),
})

export type Options = z.infer<typeof schema>

/** Parses argv; prints usage and exits on --help or a bad flag. */
export function parseOptions(argv: string[]): Options {
  let values: Record<string, string | boolean | undefined>
  try {
    values = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        quick: { type: 'boolean' },
        duration: { type: 'string' },
        runs: { type: 'string' },
        connections: { type: 'string' },
        threads: { type: 'string' },
        warmup: { type: 'string' },
        'lighthouse-runs': { type: 'string' },
        'no-lighthouse': { type: 'boolean' },
        gzip: { type: 'boolean' },
        'skip-build': { type: 'boolean' },
        'url-base': { type: 'string' },
        'compare-with': { type: 'string' },
        against: { type: 'string' },
        pages: { type: 'string' },
        home: { type: 'string' },
        article: { type: 'string' },
        gallery: { type: 'string' },
        hub: { type: 'string' },
        list: { type: 'string' },
        live: { type: 'string' },
        out: { type: 'string' },
        keep: { type: 'boolean' },
        'fail-on-budget': { type: 'boolean' },
        'render-cache': { type: 'boolean' },
        library: { type: 'string' },
        rounds: { type: 'string' },
        'redis-maxmemory': { type: 'string' },
        help: { type: 'boolean' },
      },
    }).values
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : error}\n\n${USAGE}`)
    process.exit(2)
  }
  if (values.help) {
    console.log(USAGE)
    process.exit(0)
  }
  const quick = values.quick === true
  const parsed = schema.safeParse({
    quick,
    duration: values.duration ?? (quick ? 3 : undefined),
    runs: values.runs ?? (quick ? 1 : undefined),
    connections: values.connections,
    threads: values.threads,
    warmup: values.warmup ?? (quick ? 1 : undefined),
    lighthouseRuns: values['lighthouse-runs'] ?? (quick ? 1 : undefined),
    lighthouse: values['no-lighthouse'] !== true,
    gzip: values.gzip,
    skipBuild: values['skip-build'],
    urlBase: values['url-base'],
    compareWith: values['compare-with'],
    against: values.against,
    pages: values.pages,
    home: values.home,
    article: values.article,
    gallery: values.gallery,
    hub: values.hub,
    list: values.list,
    live: values.live,
    out: values.out,
    keep: values.keep,
    failOnBudget: values['fail-on-budget'],
    renderCache: values['render-cache'],
    library: values.library,
    rounds: values.rounds,
    redisMaxmemory: values['redis-maxmemory'],
  })
  if (!parsed.success) {
    const flag = (key: PropertyKey | undefined) =>
      String(key).replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)
    const lines = parsed.error.issues.map((issue) => `  --${flag(issue.path[0])}: ${issue.message}`)
    console.error(`bad flags:\n${lines.join('\n')}\n\n${USAGE}`)
    process.exit(2)
  }
  const renderCacheOnly = ['library', 'rounds', 'redis-maxmemory'].filter((flag) => values[flag])
  if (renderCacheOnly.length && !parsed.data.renderCache) {
    console.error(`--${renderCacheOnly.join(', --')}: only with --render-cache`)
    process.exit(2)
  }
  if (parsed.data.pages && !parsed.data.compareWith) {
    console.error('--pages is for --compare-with (the full bench judges every page)')
    process.exit(2)
  }
  if (parsed.data.compareWith && !parsed.data.urlBase) {
    console.error('--compare-with needs --url-base (the build to measure)')
    process.exit(2)
  }
  if (parsed.data.connections < parsed.data.threads) {
    console.error('--connections must be at least --threads')
    process.exit(2)
  }
  return parsed.data
}
