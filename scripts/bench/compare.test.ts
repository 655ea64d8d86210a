import { describe, expect, it } from 'vitest'
import { renderComparison, verdicts, type PageComparison } from './compare'

const old = {
  performance: 90,
  accessibility: 100,
  bestPractices: 96,
  seo: 100,
  lcpMs: 2500,
  tbtMs: 300,
  cls: 0,
}

describe('verdicts', () => {
  it('passes a build that loses nothing', () => {
    expect(verdicts({ ...old, performance: 91, lcpMs: 2400 }, old).every((v) => v.pass)).toBe(true)
  })

  it('names each thing the build got worse at', () => {
    const worse = verdicts({ ...old, accessibility: 98, performance: 89, lcpMs: 2501 }, old)
    expect(worse.filter((v) => !v.pass).map((v) => v.what)).toEqual([
      'accessibility',
      'performance',
      'LCP',
    ])
  })
})

describe('renderComparison', () => {
  it('prints both medians per page and a verdict line with the findings', () => {
    const base = { ...old, accessibility: 96, runs: [] }
    const page: PageComparison = {
      key: 'article',
      path: '/tv/x',
      base,
      other: { ...old, runs: [] },
      findings: [
        {
          category: 'accessibility',
          id: 'target-size',
          title: 'Touch targets',
          score: 0,
          items: ['<a>'],
        },
      ],
      verdicts: verdicts(base, old),
    }
    const text = renderComparison([page], 'http://new', 'http://old')
    expect(text).toContain('http://new against http://old')
    expect(text).toMatch(/article\s+\/tv\/x\s+90\/90\s+96\/100/)
    expect(text).toContain('FAIL article: worse accessibility')
    expect(text).toContain('accessibility target-size (0): Touch targets')
  })
})
