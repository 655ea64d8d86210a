import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ERROR_SHELL, notFoundBody, readNotFoundDocument } from './not-found-document'

// What Next sends for notFound(): the shell, then only scripts.
const shell = `${ERROR_SHELL}<head><meta charSet="utf-8"/></head><body><script>self.__next_f=[]</script></body></html>`
// The prerendered page, with a character that takes three bytes in UTF-8.
const document =
  '<!DOCTYPE html><html lang="en-US"><body><h1>We couldn’t find that page</h1></body></html>'

describe('readNotFoundDocument', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'marquee-build-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('reads the prerendered page from the build folder', () => {
    mkdirSync(path.join(dir, 'server', 'app'), { recursive: true })
    writeFileSync(path.join(dir, 'server', 'app', '_not-found.html'), document)
    expect(readNotFoundDocument(dir)).toBe(document)
  })

  it('is undefined for a build without one', () => {
    expect(readNotFoundDocument(path.join(dir, 'no-such-build'))).toBeUndefined()
  })

  it('throws any other error', () => {
    const odd = path.join(dir, 'odd')
    mkdirSync(path.join(odd, 'server', 'app', '_not-found.html'), { recursive: true })
    expect(() => readNotFoundDocument(odd)).toThrow(/EISDIR/)
  })
})

describe('notFoundBody', () => {
  const rewrite = notFoundBody(document)
  type Answer = (response: ServerResponse) => void
  let answer: Answer = (response) => response.end()
  const server = createServer((_request: IncomingMessage, response) => answer(response))
  let base = ''

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

  /** Ends a response with the body the rewrite returns (endWithBuffers sets its length). */
  const sendPage =
    (status: number, body: string, options: { flush?: boolean } = {}) =>
    (response: ServerResponse) => {
      response.statusCode = status
      response.setHeader('Content-Type', 'text/html; charset=utf-8')
      if (options.flush) response.flushHeaders()
      response.end(rewrite(response, body))
    }

  async function get(respond: Answer, init: RequestInit = {}) {
    answer = respond
    const response = await fetch(base, init)
    return { status: response.status, headers: response.headers, body: await response.text() }
  }

  it('sends the prerendered page in place of the empty shell', async () => {
    const { status, headers, body } = await get(sendPage(404, shell))
    expect(status).toBe(404)
    expect(headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(body).toBe(document)
  })

  it('leaves every other answer as it is', async () => {
    const cases: [string, Answer, RequestInit?][] = [
      ['a 404 that is not the shell', sendPage(404, '<!DOCTYPE html><html lang="en"><h1>x</h1>')],
      ['a 200 page', sendPage(200, shell)],
      ['a server error', sendPage(500, shell)],
      ['headers already sent', sendPage(404, shell, { flush: true })],
      ['a POST', sendPage(404, shell), { method: 'POST' }],
      [
        'a preview',
        sendPage(404, shell),
        { headers: { Cookie: 'theme=dark; __prerender_bypass=0123abcd' } },
      ],
    ]
    for (const [what, respond, init] of cases) {
      const { body } = await get(respond, init)
      expect(body, what).not.toBe(document)
    }
  })

  it('does not take a cookie that only ends in the preview name for a preview', async () => {
    const init = { headers: { Cookie: 'x__prerender_bypass=1' } }
    expect((await get(sendPage(404, shell), init)).body).toBe(document)
  })
})
