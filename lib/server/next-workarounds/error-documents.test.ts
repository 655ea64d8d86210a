import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BAD_ADDRESS_PAGE, errorPageDocument, SERVER_ERROR_PAGE } from '../error-page'
import { NO_SCRIPT_POLICY } from '../security-headers'
import { ERROR_SHELL, errorBody, errorDocuments, errorHead, PLAIN_500 } from './error-documents'

// What Next sends for notFound() or a render error: the shell, then only scripts.
const shell = `${ERROR_SHELL}<head><meta charSet="utf-8"/></head><body><script>self.__next_f=[]</script></body></html>`
// The prerendered pages, with a character that takes three bytes in UTF-8.
const document =
  '<!DOCTYPE html><html lang="en-US"><body><h1>We couldn’t find that page</h1></body></html>'
const errorPage =
  '<!DOCTYPE html><html lang="en"><body><h1>Something went wrong on our side</h1></body></html>'
const badAddressPage =
  '<!DOCTYPE html><html lang="en"><body><h1>That address is not valid</h1></body></html>'

describe('errorDocuments', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'marquee-build-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  const pages = (build: string) => path.join(build, 'server', 'app')

  it('reads the prerendered not-found page from the build folder', () => {
    mkdirSync(pages(dir), { recursive: true })
    writeFileSync(path.join(pages(dir), '_not-found.html'), document)
    const { documents, missing } = errorDocuments(dir)
    expect(documents[404]).toBe(document)
    expect(missing).toEqual([])
  })

  it('renders the server error page as a whole static document', () => {
    const page = errorDocuments(dir).documents[500]!
    expect(page).toBe(errorPageDocument(SERVER_ERROR_PAGE))
    expect(page.startsWith('<!DOCTYPE html><html lang="en"><head>')).toBe(true)
    expect(page).toContain('<title>Something went wrong</title>')
    expect(page).toContain('<h1>Something went wrong on our side</h1>')
    expect(page).toContain('<a href="" class="primary">Try again</a>')
    expect(page).toContain('<a href="/">Go to the home page</a>')
    // Nothing of the build it could fail to load: no script, no stylesheet.
    expect(page).not.toMatch(/<script|<link/)
  })

  it('renders the bad-address page as a whole static document', () => {
    const page = errorDocuments(dir).documents[400]!
    expect(page).toBe(errorPageDocument(BAD_ADDRESS_PAGE))
    expect(page.startsWith('<!DOCTYPE html><html lang="en"><head>')).toBe(true)
    expect(page).toContain('<title>Address not valid</title>')
    expect(page).toContain('<h1>That address is not valid</h1>')
    expect(page).toContain('<a href="/" class="primary">Go to the home page</a>')
    expect(page).not.toMatch(/<script|<link/)
  })

  it('names the not-found page a build does not have, and still has the server error page', () => {
    const empty = path.join(dir, 'no-such-build')
    const { documents, missing } = errorDocuments(empty)
    expect(documents[404]).toBeUndefined()
    expect(documents[500]).toBe(errorPageDocument(SERVER_ERROR_PAGE))
    expect(documents[400]).toBe(errorPageDocument(BAD_ADDRESS_PAGE))
    expect(missing).toEqual([path.join(pages(empty), '_not-found.html')])
  })

  it('throws any other error', () => {
    const odd = path.join(dir, 'odd')
    mkdirSync(path.join(pages(odd), '_not-found.html'), { recursive: true })
    expect(() => errorDocuments(odd)).toThrow(/EISDIR/)
  })
})

describe('errorBody', () => {
  const rewrite = errorBody({ 400: badAddressPage, 404: document, 500: errorPage })
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
  const sendPage = (status: number, body: string) => (response: ServerResponse) => {
    response.statusCode = status
    response.setHeader('Content-Type', 'text/html; charset=utf-8')
    response.end(rewrite(response, body))
  }

  async function get(respond: Answer, init: RequestInit = {}, path = '/') {
    answer = respond
    const response = await fetch(base + path, init)
    return { status: response.status, headers: response.headers, body: await response.text() }
  }

  it('sends the prerendered page for the status in place of the empty shell', async () => {
    const { status, headers, body } = await get(sendPage(404, shell))
    expect(status).toBe(404)
    expect(headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(body).toBe(document)
    const failed = await get(sendPage(500, shell))
    expect(failed.status).toBe(500)
    expect(failed.body).toBe(errorPage)
  })

  it('leaves the shell of a status it has no page for', async () => {
    const only404 = errorBody({ 404: document })
    const { status, body } = await get((response) => {
      response.statusCode = 500
      response.end(only404(response, shell))
    })
    expect(status).toBe(500)
    expect(body).toBe(shell)
  })

  it('leaves every other answer as it is', async () => {
    const cases: [string, Answer, RequestInit?][] = [
      ['a 404 that is not the shell', sendPage(404, '<!DOCTYPE html><html lang="en"><h1>x</h1>')],
      ['a 500 that is not the shell', sendPage(500, '<!DOCTYPE html><html lang="en"><h1>x</h1>')],
      ['a 200 page', sendPage(200, shell)],
      ['a 503', sendPage(503, shell)],
      ['a 400 shell (Next sends none)', sendPage(400, shell)],
      ['a POST', sendPage(404, shell), { method: 'POST' }],
      ['a POST that failed', sendPage(500, shell), { method: 'POST' }],
      [
        'a preview',
        sendPage(404, shell),
        { headers: { Cookie: 'theme=dark; __prerender_bypass=0123abcd' } },
      ],
    ]
    for (const [what, respond, init] of cases) {
      const { body } = await get(respond, init)
      expect(body, what).not.toBe(document)
      expect(body, what).not.toBe(errorPage)
      expect(body, what).not.toBe(badAddressPage)
    }
  })

  /** Next's answer to a path it cannot decode: plain text, status 500. */
  const plain500 = (response: ServerResponse) => {
    response.statusCode = 500
    response.setHeader('Content-Type', 'text/plain')
    response.end(rewrite(response, PLAIN_500))
  }

  it("turns Next's plain 500 into 400 and the bad-address page for a path it cannot decode", async () => {
    const cases: [string, number, string, string][] = [
      ['/tv/%ff', 400, 'text/html; charset=utf-8', badAddressPage],
      ['/%E0%A4%A', 400, 'text/html; charset=utf-8', badAddressPage],
      ['/sitemaps/%ff.xml?x=1', 400, 'text/html; charset=utf-8', badAddressPage],
      [
        '/api/stories/%ff',
        400,
        'application/json',
        '{"error":"invalid_request","issues":[{"path":"","message":"the address is not valid percent-encoding"}]}',
      ],
      // A path that decodes, and a bad query string (the routes read their own), stay Next's.
      ['/tv/some-story', 500, 'text/plain', PLAIN_500],
      ['/tv/%C3%A9t%C3%A9', 500, 'text/plain', PLAIN_500],
      ['/search?q=%ff', 500, 'text/plain', PLAIN_500],
    ]
    for (const [path, status, type, page] of cases) {
      const answer = await get(plain500, {}, path)
      expect([answer.status, answer.headers.get('content-type'), answer.body], path).toEqual([
        status,
        type,
        page,
      ])
      // Next answered before its routing, so its configured headers were never added.
      if (status === 400) {
        expect(answer.headers.get('x-content-type-options'), path).toBe('nosniff')
        expect(answer.headers.get('x-frame-options'), path).toBe('DENY')
        expect(answer.headers.get('content-security-policy'), path).toBe(NO_SCRIPT_POLICY)
      }
    }
    // Any method: the address is as unreadable to a POST.
    expect((await get(plain500, { method: 'POST' }, '/tv/%ff')).status).toBe(400)
  })

  it("gives a HEAD for a path it cannot decode the GET's status and type, not Next's 500", async () => {
    const headRewrite = errorHead({ 400: badAddressPage, 404: document, 500: errorPage })
    let returned: string | undefined
    /** Next's HEAD for such a path: the plain 500's headers, no body (send-payload.ts). */
    const head500 =
      (type = 'text/plain', length = Buffer.byteLength(PLAIN_500)) =>
      (response: ServerResponse) => {
        response.statusCode = 500
        response.setHeader('Content-Type', type)
        response.setHeader('Content-Length', length)
        returned = headRewrite(response)
        response.end()
      }
    const cases: [string, Answer, number, string, string | undefined][] = [
      ['/tv/%ff', head500(), 400, 'text/html; charset=utf-8', badAddressPage],
      [
        '/api/stories/%ff',
        head500(),
        400,
        'application/json',
        '{"error":"invalid_request","issues":[{"path":"","message":"the address is not valid percent-encoding"}]}',
      ],
      // A path that decodes, or headers that are not the plain 500's, stay Next's.
      ['/tv/some-story', head500(), 500, 'text/plain', undefined],
      ['/tv/%ff', head500('text/plain', 20), 500, 'text/plain', undefined],
      ['/tv/%ff', head500('application/json', 21), 500, 'application/json', undefined],
      // An HTML 500 is a render's: the server error page's headers, as for any path.
      ['/tv/%ff', head500('text/html', 21), 500, 'text/html', errorPage],
    ]
    for (const [path, respond, status, type, body] of cases) {
      returned = 'not called'
      const answer = await get(respond, { method: 'HEAD' }, path)
      expect([answer.status, answer.headers.get('content-type'), returned], path).toEqual([
        status,
        type,
        body,
      ])
    }
  })

  it("gives a HEAD for a 404 or 500 the length of the GET's page, not of Next's shell", async () => {
    const headRewrite = errorHead({ 404: document, 500: errorPage })
    /** Next's HEAD for a page: the headers of its GET (the shell's length here), no body. */
    const head =
      (status: number, type = 'text/html; charset=utf-8') =>
      (response: ServerResponse) => {
        response.statusCode = status
        response.setHeader('Content-Type', type)
        response.setHeader('Content-Length', Buffer.byteLength(shell))
        const page = headRewrite(response)
        if (page !== undefined) response.setHeader('Content-Length', Buffer.byteLength(page))
        response.end()
      }
    const length = async (respond: Answer, init: RequestInit = {}) => {
      const answer = await get(respond, { method: 'HEAD', ...init })
      return [answer.status, Number(answer.headers.get('content-length'))]
    }
    // The page's bytes, not its characters: the not-found page has a curly apostrophe.
    expect(await length(head(404))).toEqual([404, Buffer.byteLength(document)])
    expect(Buffer.byteLength(document)).toBeGreaterThan(document.length)
    expect(await length(head(500))).toEqual([500, Buffer.byteLength(errorPage)])
    // What errorBody leaves alone on a GET keeps Next's length on a HEAD.
    const shellLength = Buffer.byteLength(shell)
    const preview = { headers: { Cookie: '__prerender_bypass=0123abcd' } }
    expect(await length(head(404), preview)).toEqual([404, shellLength])
    expect(await length(head(200))).toEqual([200, shellLength])
    expect(await length(head(503))).toEqual([503, shellLength])
    expect(await length(head(404, 'text/x-component'))).toEqual([404, shellLength])
    expect(await length(head(404, 'application/json'))).toEqual([404, shellLength])
    const only404 = errorHead({ 404: document })
    const noPage = await get(
      (response) => {
        response.statusCode = 500
        response.setHeader('Content-Type', 'text/html')
        expect(only404(response)).toBeUndefined()
        response.end()
      },
      { method: 'HEAD' },
    )
    expect(noPage.status).toBe(500)
  })

  it('does not take a cookie that only ends in the preview name for a preview', async () => {
    const init = { headers: { Cookie: 'x__prerender_bypass=1' } }
    expect((await get(sendPage(404, shell), init)).body).toBe(document)
  })
})
