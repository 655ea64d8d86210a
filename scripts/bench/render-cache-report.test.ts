import { describe, expect, it } from 'vitest'
import {
  MAX_PART,
  mbPerThousandPages,
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
import { parseReport, type LoadSummary } from './wrk'

describe('storyPath', () => {
  it('takes the category from the frontmatter and the slug from the file name', () => {
    const text = "---\ntitle: 'A: b'\ncategory: movies\ntopics: [x]\n---\ncategory: tv\n"
    expect(storyPath('a-story-2.md', text)).toBe('/movies/a-story-2')
    expect(storyPath('quoted.md', "---\ncategory: 'tv' # the hub\n---\n")).toBe('/tv/quoted')
  })

  it('skips what is not a story with a category', () => {
    expect(storyPath('notes.txt', '---\ncategory: tv\n---\n')).toBeNull()
    expect(storyPath('no-front.md', 'category: tv\n')).toBeNull()
    expect(storyPath('none.md', '---\ntitle: x\n---\ncategory: tv\n')).toBeNull()
    expect(storyPath('Bad Name.md', '---\ncategory: tv\n---\n')).toBeNull()
  })
})

describe('shuffled', () => {
  const items = Array.from({ length: 50 }, (_, index) => index)

  it('gives the same order for the same seed, another for another seed', () => {
    expect(shuffled(items, 23)).toEqual(shuffled(items, 23))
    expect(shuffled(items, 23)).not.toEqual(shuffled(items, 24))
    expect(shuffled(items, 23)).not.toEqual(items)
  })

  it('keeps every item once and leaves its input alone', () => {
    const copy = [...items]
    expect([...shuffled(items, 23)].sort((a, b) => a - b)).toEqual(items)
    expect(items).toEqual(copy)
  })
})

describe('walkParts', () => {
  const paths = (count: number) => Array.from({ length: count }, (_, index) => `/tv/s-${index}`)

  it('gives 2 + 3 x rounds walks of at most MAX_PART stories, none asked for twice', () => {
    const parts = walkParts(paths(10_000), 3)
    expect(parts).toHaveLength(11)
    expect(parts.every((part) => part.length === MAX_PART)).toBe(true)
    expect(new Set(parts.flat()).size).toBe(11 * MAX_PART)
  })

  it('shares a small library out evenly, and refuses one too small', () => {
    expect(walkParts(paths(1_100), 3).map((part) => part.length)).toEqual(Array(11).fill(100))
    expect(() => walkParts(paths(1_099), 3)).toThrow(/1099 stories are too few for 3 rounds/)
  })
})

describe('mbPerThousandPages', () => {
  it('divides the memory of all samples by their pages', () => {
    // 1,000 pages in 52 MiB and 500 in 28 MiB: 80 MiB for 1,500 pages.
    const mib = 1048576
    const samples = [
      { keys: 1000, bytes: 52 * mib },
      { keys: 500, bytes: 28 * mib },
    ]
    expect(mbPerThousandPages(samples)).toBeCloseTo((80 / 1500) * 1000, 6)
    expect(mbPerThousandPages([])).toBeNaN()
  })
})

describe('rssMb', () => {
  it("sums the group's processes (KiB) into MiB", () => {
    expect(rssMb('  524288\n 1024\n\n')).toBe(513)
    expect(rssMb('')).toBe(0)
    expect(() => rssMb('RSS\n12\n')).toThrow()
  })
})

describe('INFO', () => {
  it('reads fields and the commands Redis refused or that failed', () => {
    const memory = parseInfo('# Memory\r\nused_memory:1048576\r\nmaxmemory:268435456\r\n')
    expect(memory.get('used_memory')).toBe('1048576')
    expect(memory.get('maxmemory')).toBe('268435456')
    const stats = parseInfo(
      [
        '# Commandstats',
        'cmdstat_get:calls=10,usec=20,usec_per_call=2.00,rejected_calls=0,failed_calls=0',
        'cmdstat_evalsha:calls=9,usec=90,usec_per_call=10.00,rejected_calls=3,failed_calls=1',
        'cmdstat_set:calls=4,usec=8,usec_per_call=2.00,rejected_calls=0,failed_calls=2',
      ].join('\n'),
    )
    expect(refusedCommands(stats)).toEqual(['evalsha: rejected 3, failed 1', 'set: failed 2'])
    expect(refusedCommands(memory)).toEqual([])
  })
})

describe("wrk's report", () => {
  it('reads the WRK_JSON line among what wrk prints, and refuses a run without one', () => {
    const line =
      'WRK_JSON {"requests":250,"duration_us":10000000,"bytes":9,"connect":0,"read":0,' +
      '"write":0,"status":2,"timeout":0,"p50_us":1,"p90_us":2,"p99_us":3,"max_us":4}'
    const report = parseReport(`Running 10s test @ http://x\n${line}\n`, 'http://x')
    expect(report.requests / (report.duration_us / 1e6)).toBe(25)
    expect(report.status).toBe(2)
    expect(() => parseReport('Running 10s test\n', 'http://x')).toThrow(/no report for http:\/\/x/)
    expect(() => parseReport('WRK_JSON {"requests":1}', 'http://x')).toThrow()
  })
})

function load(rps: number, errors = 0): LoadSummary {
  return { rps, p50Ms: 40, p99Ms: 90, errors, errorDetail: '', runs: [] }
}

describe('the report', () => {
  const round = (one: number, two: number, keys: number, mb: number): RenderRound => ({
    one,
    two,
    memory: { keys, bytes: mb * 1048576 },
    redis: 1500,
    files: 1400,
  })
  const rounds = [round(20, 30, 200, 11), round(25, 28, 250, 13), round(22, 35, 230, 12)]

  it('reports the medians of the rounds and the memory of all pages they stored', () => {
    const summary = summariseRounds(rounds)
    expect(summary.firstRenders).toEqual({ one: 22, two: 30 })
    expect(summary.pagesMeasured).toBe(680)
    expect(summary.mbPerThousandPages).toBeCloseTo((36 / 680) * 1000, 6)
  })

  it('prints one line per figure, with the ratios', () => {
    const summary = summariseRounds(rounds)
    const results: RenderCacheResults = {
      startedAt: '2026-12-07T20:00:00.000Z',
      finishedAt: '2026-12-07T20:05:00.000Z',
      command: 'npm run bench -- --render-cache',
      library: { dir: '/tmp/lib', stories: 10_000, synthesized: true },
      settings: {
        rounds: 3,
        renderConnections: 16,
        renderSeconds: 10,
        storiesPerWalk: 900,
        cachedConnections: 64,
        cachedSeconds: 10,
        redisMaxmemory: null,
      },
      machine: { cpus: 2, loadBefore: [3, 3, 3], loadAfter: [5, 4, 3], versions: {} },
      rounds,
      firstRenders: summary.firstRenders,
      renderErrors: 0,
      cachedArticle: { path: '/tv/a', redis: load(1500), files: load(1200, 3) },
      rssMb: { 'redis-a': 700, 'redis-b': 650.4, files: 500 },
      redis: {
        mbPerThousandPages: summary.mbPerThousandPages,
        pagesMeasured: summary.pagesMeasured,
        usedMemoryMb: 120,
        maxmemoryMb: 256,
        evictedKeys: 0,
        expiredKeys: 0,
        refused: [],
        keys: 2_400,
        keysWithoutExpiry: [],
      },
      instanceLogs: [
        { name: 'redis-a', redisLines: 0, first: null },
        { name: 'redis-b', redisLines: 2, first: '[marquee] Redis (x) unreachable' },
      ],
    }
    const text = renderRenderCacheReport(results)
    expect(text).toMatch(
      /first renders\/s, 1 \/ 2 instances \(16 connections\)\s+22\.0 \/ 30\.0 \(x 1\.36\)\n/,
    )
    expect(text).toMatch(
      /Redis \/ file system \(64 connections\)\s+1,500 \/ 1,200 \(x 1\.25\), 3 errors/,
    )
    expect(text).toContain('20.0 / 30.0; 1,500 / 1,400 | 25.0 / 28.0; 1,500 / 1,400 |')
    expect(text).toMatch(/RSS MB, redis-a \/ redis-b \/ files\s+700 \/ 650 \/ 500/)
    expect(text).toMatch(/Redis MB per 1,000 cached pages\s+52\.9 \(680 pages measured\)/)
    expect(text).toMatch(/evicted keys; refused or failed commands\s+0; none/)
    expect(text).toContain('redis-b: [marquee] Redis (x) unreachable')
    expect(text).toContain('command: npm run bench -- --render-cache')
  })
})
