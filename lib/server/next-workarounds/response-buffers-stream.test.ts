import type { ServerResponse } from 'node:http'
import { gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  compress,
  page,
  patchedServer,
  STREAM_CHUNK,
  unchanged,
  type Handler,
} from './patched-server'
import { PageEncoder } from './response-buffers'

describe('PageEncoder', () => {
  it('returns the UTF-8 bytes', () => {
    expect(new PageEncoder().encode(page).bytes.equals(Buffer.from(page, 'utf8'))).toBe(true)
  })

  it('encodes a string it has seen once', () => {
    const encoder = new PageEncoder()
    expect(encoder.encode(page)).toBe(encoder.encode(page))
  })

  it('forgets the least recently used strings past its entry limit', () => {
    const encoder = new PageEncoder({ maxEntries: 2, maxBytes: 1_000 })
    const [a, b, c] = ['a', 'b', 'c'].map((letter) => letter.repeat(100)) as [
      string,
      string,
      string,
    ]
    const first = { a: encoder.encode(a), b: encoder.encode(b) }
    expect(encoder.encode(a)).toBe(first.a) // a is now the most recent
    encoder.encode(c) // evicts b
    expect(encoder.encode(a)).toBe(first.a)
    expect(encoder.encode(b)).not.toBe(first.b)
  })

  it('forgets the least recently used strings past its byte limit', () => {
    const encoder = new PageEncoder({ maxEntries: 10, maxBytes: 1_000 })
    const a = encoder.encode('a'.repeat(600))
    const b = encoder.encode('b'.repeat(300))
    encoder.encode('c'.repeat(300)) // 1,200 bytes: evicts a
    expect(encoder.encode('b'.repeat(300))).toBe(b) // found by value, not only by identity
    expect(encoder.encode('a'.repeat(600))).not.toBe(a)
  })

  it('does not keep a body larger than the byte limit', () => {
    const encoder = new PageEncoder({ maxEntries: 2, maxBytes: 10 })
    const text = 'y'.repeat(11)
    expect(encoder.encode(text)).not.toBe(encoder.encode(text))
  })

  it('gzips an entry once, and counts the gzip against the byte limit', () => {
    const encoder = new PageEncoder({ maxEntries: 10, maxBytes: 1_000 })
    const noisy = (seed: number) =>
      Array.from({ length: 450 }, (_, i) => String.fromCharCode(33 + ((i * seed) % 90))).join('')
    const a = encoder.encode(noisy(7))
    const gzip = encoder.gzip(a)
    expect(gunzipSync(gzip).equals(a.bytes)).toBe(true)
    expect(encoder.gzip(a)).toBe(gzip)
    // 450 bytes and a gzip of about as much, then 450 more bytes: over 1,000, a goes.
    expect(a.bytes.length + gzip.length).toBeGreaterThan(550)
    encoder.encode(noisy(11))
    expect(encoder.encode(noisy(7))).not.toBe(a)
  })
})

describe('endWithBuffers', () => {
  let rewrite = unchanged
  const { rawWith } = patchedServer({ rewrite: (response, body) => rewrite(response, body) })

  describe('a streamed body (write, then end), as Next sends a dynamic page', () => {
    const shell = '<!-- shell -->'
    const other = '<p>The page instead ’</p>'
    const chunks = [`${shell}${'a’'.repeat(STREAM_CHUNK)}`, '<p>b</p>', '<p>c</p>']
    /** Like Next's pipeToNodeResponse: headers first, then each chunk as bytes, then end(). */
    const streamPage =
      (status: number, written: boolean[] = []) =>
      (res: ServerResponse) => {
        res.statusCode = status
        res.setHeader('Content-Type', 'text/html; charset=utf-8')
        res.flushHeaders()
        for (const chunk of chunks) {
          res.write(Buffer.from(chunk, 'utf8'), () => written.push(true))
          ;(res as ServerResponse & { flush?: () => void }).flush?.()
        }
        res.end()
      }
    const compressed = (respond: Handler) => (res: ServerResponse) => {
      compress(res.req, res, () => {})
      respond(res)
    }

    beforeAll(() => {
      rewrite = (response, body) =>
        response.statusCode === 500 && body.startsWith(shell) ? other : body
    })
    afterAll(() => {
      rewrite = unchanged
    })

    it('is replaced whole when the rewrite replaces its start', async () => {
      const written: boolean[] = []
      const plain = await rawWith(streamPage(500, written))
      expect(plain.status).toBe(500)
      expect(plain.headers['transfer-encoding']).toBe('chunked')
      expect(plain.body.toString('utf8')).toBe(other)
      // Every write's callback runs, the dropped ones' too.
      await new Promise((resolve) => setImmediate(resolve))
      expect(written).toEqual([true, true, true])
      const gzipped = await rawWith(compressed(streamPage(500)), { 'Accept-Encoding': 'gzip' })
      expect(gzipped.headers['content-encoding']).toBe('gzip')
      expect(gunzipSync(gzipped.body).toString('utf8')).toBe(other)
    })

    it('is sent as it was when the rewrite leaves it', async () => {
      const whole = chunks.join('')
      expect((await rawWith(streamPage(200))).body.toString('utf8')).toBe(whole)
      const gzipped = await rawWith(compressed(streamPage(200)), { 'Accept-Encoding': 'gzip' })
      expect(gunzipSync(gzipped.body).toString('utf8')).toBe(whole)
    })

    it('is not rewritten at end() once a chunk went out, nor once its length was sent', async () => {
      rewrite = (_response, body) => (body === page ? other : body)
      try {
        const afterWrite = await rawWith((res) => {
          res.statusCode = 500
          res.write('<p>first</p>')
          res.end(page)
        })
        expect(afterWrite.body.toString('utf8')).toBe(`<p>first</p>${page}`)
        const promised = await rawWith((res) => {
          res.statusCode = 500
          res.setHeader('Content-Length', Buffer.byteLength(page))
          res.flushHeaders()
          res.end(page)
        })
        expect(promised.body.toString('utf8')).toBe(page)
      } finally {
        rewrite = (response, body) =>
          response.statusCode === 500 && body.startsWith(shell) ? other : body
      }
    })
  })
})
