import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ReportLog, violationLine } from './report-log'
import type { CspViolation } from './schema'

const violation = (n: number, overrides: Partial<CspViolation> = {}): CspViolation => ({
  documentUri: `https://marquee.example/tv/story-${n}`,
  directive: 'script-src-elem',
  blocked: 'inline',
  ...overrides,
})

describe('ReportLog', () => {
  let lines: string[]
  let log: ReportLog
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2026-12-06T12:00:00Z') })
    lines = []
    log = new ReportLog({ maxPerWindow: 3, windowMs: 60_000, write: (line) => lines.push(line) })
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('logs each distinct violation once per window', () => {
    log.record(violation(1))
    log.record(violation(1))
    log.record(violation(1, { sourceFile: 'https://marquee.example/other', lineNumber: 9 }))
    expect(lines).toHaveLength(1)
  })

  it('tells violations apart by directive, blocked URL and page', () => {
    log.record(violation(1))
    log.record(violation(1, { directive: 'img-src' }))
    log.record(violation(1, { blocked: 'https://evil.example/x.js' }))
    expect(lines).toHaveLength(3)
  })

  it('counts a flood in one line at the end of the window, without another report to trigger it', () => {
    for (let n = 0; n < 10_000; n++) log.record(violation(n % 100))
    expect(lines).toHaveLength(3)
    vi.advanceTimersByTime(59_999)
    expect(lines).toHaveLength(3)
    vi.advanceTimersByTime(1)
    expect(lines).toHaveLength(4)
    expect(lines[3]).toBe(
      'CSP violation: suppressed 9997 reports (repeats, or past 3 distinct) in 60 s',
    )
  })

  it('logs again in the next window, and says nothing when nothing was left out', () => {
    log.record(violation(1))
    vi.advanceTimersByTime(60_000)
    log.record(violation(1))
    vi.advanceTimersByTime(120_000)
    expect(lines).toHaveLength(2)
    expect(lines.some((line) => line.includes('suppressed'))).toBe(false)
  })

  it('sums up a window before logging anything of the next', () => {
    log.record(violation(1))
    log.record(violation(1))
    vi.advanceTimersByTime(60_000)
    log.record(violation(2))
    expect(lines.map((line) => line.split(' ').slice(0, 4).join(' '))).toEqual([
      'CSP violation: script-src-elem blocked',
      'CSP violation: suppressed 1',
      'CSP violation: script-src-elem blocked',
    ])
  })

  it('keeps no timer alive once the summary is written', () => {
    log.record(violation(1))
    log.record(violation(1))
    expect(vi.getTimerCount()).toBe(1)
    vi.advanceTimersByTime(60_000)
    expect(vi.getTimerCount()).toBe(0)
  })
})

describe('violationLine', () => {
  it('says what was blocked, by which directive, where', () => {
    expect(
      violationLine({
        documentUri: 'https://marquee.example/tv/x',
        directive: 'script-src-elem',
        blocked: 'inline',
        sourceFile: 'https://marquee.example/tv/x',
        lineNumber: 12,
        disposition: 'report',
        sample: 'alert(1)',
      }),
    ).toBe(
      'CSP violation: script-src-elem blocked inline on https://marquee.example/tv/x at https://marquee.example/tv/x:12 (report only) sample "alert(1)"',
    )
  })
})
