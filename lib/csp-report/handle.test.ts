import { describe, expect, it } from 'vitest'
import { handleCspReport, REPORT_BYTES_MAX } from './handle'
import { ReportLog } from './report-log'

const REPORT = JSON.stringify({
  'csp-report': {
    'document-uri': 'https://marquee.example/tv/x',
    'violated-directive': 'script-src-elem',
    'blocked-uri': 'inline',
  },
})

function post(body: BodyInit, contentType = 'application/csp-report', headers = {}): Request {
  return new Request('http://x/api/csp-report', {
    method: 'POST',
    body,
    headers: { 'content-type': contentType, ...headers },
  })
}

async function answer(request: Request) {
  const lines: string[] = []
  const response = await handleCspReport(request, new ReportLog({ write: (l) => lines.push(l) }))
  const text = await response.text()
  return { status: response.status, body: text ? JSON.parse(text) : undefined, lines, response }
}

describe('handleCspReport', () => {
  it('logs a valid report and answers 204, not cached', async () => {
    const { status, body, lines, response } = await answer(post(REPORT))
    expect(status).toBe(204)
    expect(body).toBeUndefined()
    expect(response.headers.get('Cache-Control')).toBe('no-store')
    expect(lines).toEqual([
      'CSP violation: script-src-elem blocked inline on https://marquee.example/tv/x',
    ])
  })

  it('logs each violation of a Reporting API batch', async () => {
    const batch = ['a', 'b'].map((page) => ({
      type: 'csp-violation',
      body: { documentURL: `https://m.example/${page}`, effectiveDirective: 'img-src' },
    }))
    const { status, lines } = await answer(post(JSON.stringify(batch), 'application/reports+json'))
    expect(status).toBe(204)
    expect(lines).toHaveLength(2)
  })

  it.each([
    ['a wrong Content-Type', post(REPORT, 'application/json'), 'content-type'],
    ['text that is not JSON', post('{"csp-report":'), ''],
    ['JSON that is not a report', post('{"hello":1}'), 'csp-report'],
    ['a legacy report sent as the Reporting API', post(REPORT, 'application/reports+json'), ''],
  ])('answers %s with 400 and the reason, logging nothing', async (_what, request, path) => {
    const { status, body, lines, response } = await answer(request)
    expect(status).toBe(400)
    expect(response.headers.get('Cache-Control')).toBe('no-store')
    expect(body).toMatchObject({ error: 'invalid_request', issues: [{ path }] })
    expect(lines).toEqual([])
  })

  it('answers 400 to a POST without a Content-Type', async () => {
    const request = new Request('http://x/api/csp-report', {
      method: 'POST',
      body: new Uint8Array([123]),
    })
    expect((await answer(request)).body.issues[0].message).toBe('Content-Type is required')
  })

  it(`answers 413 to a body over ${REPORT_BYTES_MAX} bytes, declared or not`, async () => {
    const big = JSON.stringify({ 'csp-report': { pad: 'x'.repeat(REPORT_BYTES_MAX) } })
    expect((await answer(post(big))).status).toBe(413)
    const chunked = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big))
        controller.close()
      },
    })
    const request = new Request('http://x/api/csp-report', {
      method: 'POST',
      body: chunked,
      headers: { 'content-type': 'application/csp-report' },
      duplex: 'half',
    } as RequestInit)
    const { status, body } = await answer(request)
    expect(status).toBe(413)
    expect(body).toEqual({
      error: 'invalid_request',
      issues: [{ path: '', message: `the body is over ${REPORT_BYTES_MAX} bytes` }],
    })
  })

  it('answers 400 when the body breaks off', async () => {
    const broken = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.error(new Error('aborted'))
      },
    })
    const request = new Request('http://x/api/csp-report', {
      method: 'POST',
      body: broken,
      headers: { 'content-type': 'application/csp-report' },
      duplex: 'half',
    } as RequestInit)
    expect(await answer(request)).toMatchObject({
      status: 400,
      body: { issues: [{ message: 'the body could not be read: aborted' }] },
    })
  })
})
