import { createServer, ServerResponse, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createEncoder, endWithBuffers, MIN_CHARS } from './response-buffers'

// A long page with characters past U+00FF, like any headline with a curly apostrophe.
const page = `<p>Luke Cage’s set — “Harlem” → ☀ ${'x'.repeat(MIN_CHARS)}</p>`

describe('createEncoder', () => {
  it('returns the UTF-8 bytes', () => {
    expect(createEncoder()(page).equals(Buffer.from(page, 'utf8'))).toBe(true)
  })

  it('encodes a string it has seen once', () => {
    const encode = createEncoder()
    expect(encode(page)).toBe(encode(page))
  })

  it('forgets the least recently used strings past its entry limit', () => {
    const encode = createEncoder({ maxEntries: 2, maxBytes: 1_000 })
    const [a, b, c] = ['a', 'b', 'c'].map((letter) => letter.repeat(100)) as [
      string,
      string,
      string,
    ]
    const first = { a: encode(a), b: encode(b) }
    expect(encode(a)).toBe(first.a) // a is now the most recent
    encode(c) // evicts b
    expect(encode(a)).toBe(first.a)
    expect(encode(b)).not.toBe(first.b)
  })

  it('forgets the least recently used strings past its byte limit', () => {
    const encode = createEncoder({ maxEntries: 10, maxBytes: 1_000 })
    const a = encode('a'.repeat(600))
    const b = encode('b'.repeat(300))
    encode('c'.repeat(300)) // 1,200 bytes: evicts a
    expect(encode('b'.repeat(300))).toBe(b) // found by value, not only by identity
    expect(encode('a'.repeat(600))).not.toBe(a)
  })

  it('does not keep a body larger than the byte limit', () => {
    const encode = createEncoder({ maxEntries: 2, maxBytes: 10 })
    const text = 'y'.repeat(11)
    expect(encode(text)).not.toBe(encode(text))
  })
})

describe('endWithBuffers', () => {
  type Handler = (response: ServerResponse) => void
  let handler: Handler = (response) => response.end()
  const server = createServer((_request: IncomingMessage, response) => handler(response))
  let base = ''

  beforeAll(async () => {
    endWithBuffers()
    endWithBuffers() // a second call must not wrap twice
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

  async function fetchWith(respond: Handler, method = 'GET') {
    handler = respond
    const response = await fetch(base, { method })
    return { response, body: Buffer.from(await response.arrayBuffer()) }
  }

  it.each([
    ['end(text)', (response: ServerResponse) => response.end(page)],
    ['end(text, "utf8")', (response: ServerResponse) => response.end(page, 'utf8')],
    ['end(text, callback)', (response: ServerResponse) => response.end(page, () => {})],
    [
      'end(text, "utf-8", callback)',
      (response: ServerResponse) => response.end(page, 'utf-8', () => {}),
    ],
  ])('%s sends the same bytes and length', async (_name, respond) => {
    const { response, body } = await fetchWith((res) => {
      res.setHeader('Content-Length', Buffer.byteLength(page))
      respond(res)
    })
    expect(response.status).toBe(200)
    expect(body.equals(Buffer.from(page, 'utf8'))).toBe(true)
  })

  it('still calls the callback', async () => {
    let called = false
    await fetchWith((res) => res.end(page, () => (called = true)))
    expect(called).toBe(true)
  })

  it('leaves other encodings, short strings and buffers alone', async () => {
    const latin = 'é'.repeat(MIN_CHARS)
    expect(
      (await fetchWith((res) => res.end(latin, 'latin1'))).body.equals(
        Buffer.from(latin, 'latin1'),
      ),
    ).toBe(true)
    expect((await fetchWith((res) => res.end('short ’'))).body.toString('utf8')).toBe('short ’')
    const bytes = Buffer.from(page)
    expect((await fetchWith((res) => res.end(bytes))).body.equals(bytes)).toBe(true)
    expect((await fetchWith((res) => res.end())).body.length).toBe(0)
  })

  it('sends no body to HEAD', async () => {
    const { response, body } = await fetchWith((res) => res.end(page), 'HEAD')
    expect(response.status).toBe(200)
    expect(body.length).toBe(0)
  })

  it('patches ServerResponse itself', () => {
    expect(ServerResponse.prototype.end.toString()).toContain('encode(chunk)')
  })
})
