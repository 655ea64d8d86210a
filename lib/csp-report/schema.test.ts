import { describe, expect, it } from 'vitest'
import { REPORT_BODY_SCHEMAS, REPORTS_MAX, reportMediaTypeSchema } from './schema'

const legacy = REPORT_BODY_SCHEMAS['application/csp-report']
const reportingApi = REPORT_BODY_SCHEMAS['application/reports+json']

/** What Chromium sends to a `report-uri` for an inline script the policy does not list. */
const CHROMIUM_REPORT = {
  'csp-report': {
    'document-uri': 'https://marquee.example/tv/luke-cage-season-2-set-photos',
    referrer: '',
    'violated-directive': 'script-src-elem',
    'effective-directive': 'script-src-elem',
    'original-policy': "default-src 'self'; script-src 'self' 'sha256-abc='",
    disposition: 'enforce',
    'blocked-uri': 'inline',
    'line-number': 12,
    'column-number': 3,
    'source-file': 'https://marquee.example/tv/luke-cage-season-2-set-photos',
    'status-code': 200,
    'script-sample': '',
  },
}

describe('application/csp-report', () => {
  it('keeps the fields worth logging and drops the rest', () => {
    expect(legacy.parse(JSON.stringify(CHROMIUM_REPORT))).toEqual([
      {
        documentUri: 'https://marquee.example/tv/luke-cage-season-2-set-photos',
        directive: 'script-src-elem',
        blocked: 'inline',
        sourceFile: 'https://marquee.example/tv/luke-cage-season-2-set-photos',
        lineNumber: 12,
        disposition: 'enforce',
        sample: '',
      },
    ])
  })

  it('takes violated-directive when an older browser sends no effective-directive', () => {
    const report = {
      'csp-report': { 'document-uri': 'https://a.example/', 'violated-directive': 'img-src' },
    }
    expect(legacy.parse(JSON.stringify(report))).toEqual([
      { documentUri: 'https://a.example/', directive: 'img-src', blocked: '' },
    ])
  })

  it('needs one of the two directives', () => {
    const result = legacy.safeParse(
      JSON.stringify({ 'csp-report': { 'document-uri': 'https://a.example/' } }),
    )
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual([
      'csp-report.violated-directive',
    ])
  })

  it('cuts long values and turns line breaks into spaces, so a report cannot forge log lines', () => {
    const report = {
      'csp-report': {
        'document-uri': `https://a.example/${'x'.repeat(2000)}`,
        'violated-directive': 'script-src\nCSP violation: forged',
        'script-sample': 's'.repeat(500),
      },
    }
    const [violation] = legacy.parse(JSON.stringify(report))
    expect(violation?.documentUri).toHaveLength(512)
    expect(violation?.directive).toBe('script-src CSP violation: forged')
    expect(violation?.sample).toHaveLength(80)
  })

  it.each([
    ['text that is not JSON', 'not json', ''],
    ['a JSON array', '[]', ''],
    ['a report without its wrapper', JSON.stringify(CHROMIUM_REPORT['csp-report']), 'csp-report'],
    [
      'a line number that is not a number',
      JSON.stringify({ 'csp-report': { ...CHROMIUM_REPORT['csp-report'], 'line-number': 'x' } }),
      'csp-report.line-number',
    ],
  ])('rejects %s', (_what, body, path) => {
    const result = legacy.safeParse(body)
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.path.join('.')).toBe(path)
  })
})

/** What the Reporting API sends for the same violation, batched with another report type. */
const REPORTING_API_BATCH = [
  {
    type: 'csp-violation',
    age: 10,
    url: 'https://marquee.example/tv/x',
    user_agent: 'Chrome',
    body: {
      documentURL: 'https://marquee.example/tv/x',
      referrer: '',
      blockedURL: 'https://evil.example/x.js',
      effectiveDirective: 'script-src-elem',
      originalPolicy: "script-src 'self'",
      sourceFile: 'https://marquee.example/tv/x',
      sample: '',
      disposition: 'report',
      statusCode: 200,
      lineNumber: 4,
      columnNumber: 1,
    },
  },
  { type: 'deprecation', age: 1, url: 'https://marquee.example/', body: { id: 'x' } },
]

describe('application/reports+json', () => {
  it('reads the CSP violations of a batch and skips its other reports', () => {
    expect(reportingApi.parse(JSON.stringify(REPORTING_API_BATCH))).toEqual([
      {
        documentUri: 'https://marquee.example/tv/x',
        directive: 'script-src-elem',
        blocked: 'https://evil.example/x.js',
        sourceFile: 'https://marquee.example/tv/x',
        lineNumber: 4,
        disposition: 'report',
        sample: '',
      },
    ])
  })

  it('names the report and field of a bad violation', () => {
    const batch = [REPORTING_API_BATCH[1], { type: 'csp-violation', body: { documentURL: 'x' } }]
    const result = reportingApi.safeParse(JSON.stringify(batch))
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual([
      '1.body.effectiveDirective',
    ])
  })

  it(`refuses a batch of more than ${REPORTS_MAX} reports`, () => {
    const batch = Array.from({ length: REPORTS_MAX + 1 }, () => REPORTING_API_BATCH[1])
    expect(reportingApi.safeParse(JSON.stringify(batch)).success).toBe(false)
  })

  it('refuses a single report that is not in an array', () => {
    expect(reportingApi.safeParse(JSON.stringify(REPORTING_API_BATCH[0])).success).toBe(false)
  })
})

describe('reportMediaTypeSchema', () => {
  it.each([
    ['application/csp-report', 'application/csp-report'],
    ['Application/CSP-Report; charset=utf-8', 'application/csp-report'],
    ['application/reports+json', 'application/reports+json'],
  ])('reads %s', (header, type) => {
    expect(reportMediaTypeSchema.parse(header)).toBe(type)
  })

  it.each([['application/json'], ['text/plain'], ['']])('refuses %j', (header) => {
    expect(reportMediaTypeSchema.safeParse(header).success).toBe(false)
  })

  it('refuses a missing Content-Type', () => {
    expect(reportMediaTypeSchema.safeParse(undefined).error?.issues[0]?.message).toBe(
      'Content-Type is required',
    )
  })
})
