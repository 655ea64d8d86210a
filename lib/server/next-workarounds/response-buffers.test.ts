import { ServerResponse } from 'node:http'
import { gunzipSync, gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import {
  page,
  patchedServer,
  sendPage,
  throughCompression,
  unchanged,
  type Handler,
} from './patched-server'
import { endWithBuffers, MIN_CHARS, type BodyRewrite, type HeadRewrite } from './response-buffers'

describe('endWithBuffers', () => {
  let rewrite = unchanged
  let head: HeadRewrite = () => undefined
  /** The bodies the page policy was worked out for, in order. */
  const policed: string[] = []
  const { fetchWith, rawWith } = patchedServer({
    rewrite: (response, body) => rewrite(response, body),
    head: (response) => head(response),
    policy: (html) => {
      policed.push(html)
      return `script-src 'self' 'for-${html.length}'`
    },
    pageText: (html) =>
      html.replace('<script>a()</script><script>b()</script>', '<script>a();b()</script>'),
  })

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

  it("gives a HEAD the status and length that `head` sets, in place of Next's", async () => {
    const shortText = 'Internal Server Error'
    // Next's HEAD (send-payload.ts): the GET's headers, Content-Length included, and no body.
    const nextHead = (res: ServerResponse) => {
      res.statusCode = 500
      res.setHeader('Content-Type', 'text/plain')
      res.setHeader('Content-Length', Buffer.byteLength(shortText))
      res.end(null)
    }
    const page = '<p>That address is not valid ’</p>'
    const seen: string[] = []
    head = (response) => {
      seen.push(response.req.method ?? '')
      if (response.statusCode !== 500) return undefined
      response.statusCode = 400
      response.setHeader('Content-Type', 'text/html; charset=utf-8')
      return page
    }
    try {
      const changed = await fetchWith(nextHead, 'HEAD')
      expect(changed.response.status).toBe(400)
      expect(changed.response.headers.get('content-type')).toBe('text/html; charset=utf-8')
      expect(changed.response.headers.get('content-length')).toBe(String(Buffer.byteLength(page)))
      expect(changed.body.length).toBe(0)
      const left = await fetchWith((res) => {
        res.setHeader('Content-Length', 7)
        res.end()
      }, 'HEAD')
      expect(left.response.status).toBe(200)
      expect(left.response.headers.get('content-length')).toBe('7')
      // A GET ended without a body (a 304, say) is not a HEAD: `head` is not asked.
      seen.length = 0
      const bodiless = await fetchWith((res) => {
        res.statusCode = 500
        res.end()
      })
      expect(bodiless.response.status).toBe(500)
      expect(seen).toEqual([])
    } finally {
      head = () => undefined
    }
  })

  it('gives a 200 to a GET a strong ETag of its bytes, the same on every request', async () => {
    const first = (await fetchWith(sendPage(page))).response.headers.get('etag')
    expect(first).toMatch(/^"[0-9a-f]+-[A-Za-z0-9+/]{27}"$/)
    expect((await fetchWith(sendPage(page))).response.headers.get('etag')).toBe(first)
    const other = (await fetchWith(sendPage(`${page}!`))).response.headers.get('etag')
    expect(other).not.toBe(first)
    // Short bodies are hashed on each request, with the same kind of tag.
    const short = (await fetchWith(sendPage('<p>short ’</p>'))).response.headers.get('etag')
    expect(short).toMatch(/^"[0-9a-f]+-[A-Za-z0-9+/]{27}"$/)
  })

  it('answers a matching If-None-Match with a 304 and no body', async () => {
    const etag = (await fetchWith(sendPage(page))).response.headers.get('etag') ?? ''
    for (const condition of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      // Fetch would add `Cache-Control: no-cache` to a conditional request; a browser's reload
      // sends max-age=0.
      const { response, body } = await fetchWith(sendPage(page), 'GET', {
        'If-None-Match': condition,
        'Cache-Control': 'max-age=0',
      })
      expect(response.status, condition).toBe(304)
      expect(response.headers.get('etag')).toBe(etag)
      expect(response.headers.get('content-type')).toBeNull()
      expect(body.length).toBe(0)
    }
  })

  it('sends the page when the tag does not match or the client asks for no-cache', async () => {
    const etag = (await fetchWith(sendPage(page))).response.headers.get('etag') ?? ''
    const stale = await fetchWith(sendPage(`${page}!`), 'GET', {
      'If-None-Match': etag,
      'Cache-Control': 'max-age=0',
    })
    expect(stale.response.status).toBe(200)
    expect(stale.body.toString('utf8')).toBe(`${page}!`)
    const forced = await fetchWith(sendPage(page), 'GET', {
      'If-None-Match': etag,
      'Cache-Control': 'no-cache',
    })
    expect(forced.response.status).toBe(200)
    expect(forced.body.equals(Buffer.from(page, 'utf8'))).toBe(true)
  })

  it('tags only 200s to GET that have no ETag of their own', async () => {
    const notFound = await fetchWith((res) => {
      res.statusCode = 404
      res.end(page)
    })
    expect(notFound.response.headers.get('etag')).toBeNull()
    const posted = await fetchWith(sendPage(page), 'POST')
    expect(posted.response.headers.get('etag')).toBeNull()
    const own = await fetchWith((res) => {
      res.setHeader('ETag', '"mine"')
      res.end(page)
    })
    expect(own.response.headers.get('etag')).toBe('"mine"')
    const bytes = await fetchWith((res) => res.end(Buffer.from(page)))
    expect(bytes.response.headers.get('etag')).toBeNull()
  })

  it("works under Next's compression middleware, which replaces end on the response", async () => {
    const compressed = throughCompression(page)
    const gzip = { 'Accept-Encoding': 'gzip' }
    const { response, body } = await fetchWith(compressed, 'GET', gzip)
    expect(response.headers.get('content-encoding')).toBe('gzip')
    expect(body.equals(Buffer.from(page, 'utf8'))).toBe(true) // fetch has gunzipped it
    const etag = response.headers.get('etag') ?? ''
    expect(etag).toBe((await fetchWith(sendPage(page))).response.headers.get('etag'))
    const revalidated = await fetchWith(compressed, 'GET', {
      ...gzip,
      'If-None-Match': etag,
      'Cache-Control': 'max-age=0',
    })
    expect(revalidated.response.status).toBe(304)
    expect(revalidated.body.length).toBe(0)
    // Short bodies go through compression untouched but tagged.
    const short = await fetchWith(throughCompression('<p>short ’</p>'))
    expect(short.body.toString('utf8')).toBe('<p>short ’</p>')
    expect(short.response.headers.get('etag')).toMatch(/^"/)
  })

  describe('page policy', () => {
    const other = `<p>Another page ’ ${'z'.repeat(MIN_CHARS)}</p>`
    const policyOf = async (respond: Handler) =>
      (await fetchWith(respond)).response.headers.get('content-security-policy')

    it("gives an HTML page its own policy, worked out once per cached page's text", async () => {
      policed.length = 0
      const first = await policyOf(sendPage(other))
      expect(first).toBe(`script-src 'self' 'for-${other.length}'`)
      expect(await policyOf(sendPage(other))).toBe(first)
      expect(policed).toEqual([other])
      // A short page is not kept by the encoder: it is worked out each time, still its own.
      expect(await policyOf(sendPage('<p>short</p>'))).toBe("script-src 'self' 'for-12'")
    })

    it('replaces the default policy but keeps a per-request nonce policy', async () => {
      const fallback = { 'Content-Security-Policy': "script-src 'none'" }
      expect(await policyOf(sendPage(other, fallback))).toBe(
        `script-src 'self' 'for-${other.length}'`,
      )
      const nonce = { 'Content-Security-Policy': "script-src 'self' 'nonce-abc'" }
      expect(await policyOf(sendPage(other, nonce))).toBe("script-src 'self' 'nonce-abc'")
    })

    it('leaves anything that is not HTML alone', async () => {
      const json = { 'Content-Type': 'application/json' }
      expect(await policyOf(sendPage(other, json))).toBeNull()
    })

    it("sends a long page as pageText rewrote it, with that text's length, ETag and policy", async () => {
      const scripts = `<p>${'y'.repeat(MIN_CHARS)}</p><script>a()</script><script>b()</script>`
      const joined = `<p>${'y'.repeat(MIN_CHARS)}</p><script>a();b()</script>`
      policed.length = 0
      const { response, body } = await fetchWith(sendPage(scripts))
      expect(body.toString('utf8')).toBe(joined)
      expect(response.headers.get('content-length')).toBe(String(Buffer.byteLength(joined)))
      expect(response.headers.get('content-security-policy')).toBe(
        `script-src 'self' 'for-${joined.length}'`,
      )
      expect(policed).toEqual([joined])
      const again = await fetchWith(sendPage(scripts), 'GET', {
        'If-None-Match': response.headers.get('etag')!,
        'Cache-Control': 'max-age=0',
      })
      expect(again.response.status).toBe(304)
      const gzipped = await rawWith(throughCompression(scripts), { 'Accept-Encoding': 'gzip' })
      expect(gunzipSync(gzipped.body).toString('utf8')).toBe(joined)
      // Only a page that gets its policy here: JSON, and a page with a nonce, go as they are.
      const data = `${scripts}\n`
      const json = await fetchWith(sendPage(data, { 'Content-Type': 'application/json' }))
      expect(json.body.toString('utf8')).toBe(data)
      const nonce = { 'Content-Security-Policy': "script-src 'self' 'nonce-abc'" }
      expect((await fetchWith(sendPage(`${scripts} `, nonce))).body.toString('utf8')).toBe(
        `${scripts} `,
      )
    })

    it('sends no Content-Length on the HEAD of a page, whose joined length it cannot know', async () => {
      const { response } = await fetchWith((res) => {
        res.setHeader('Content-Type', 'text/html; charset=utf-8')
        res.setHeader('Content-Length', 20_000)
        res.end()
      }, 'HEAD')
      expect(response.status).toBe(200)
      expect(response.headers.get('content-length')).toBeNull()
      expect(response.headers.get('transfer-encoding')).toBeNull()
    })

    it('gives a rewritten page the policy of what is sent', async () => {
      rewrite = (response, body) => (body === page ? other : body)
      try {
        expect(await policyOf(sendPage(page))).toBe(`script-src 'self' 'for-${other.length}'`)
      } finally {
        rewrite = unchanged
      }
    })
  })
  it("sends a page gzipped once where Next's compression would gzip it", async () => {
    const browser = { 'Accept-Encoding': 'gzip, deflate, br' }
    const first = await rawWith(throughCompression(page), browser)
    const second = await rawWith(throughCompression(page), browser)
    for (const answer of [first, second]) {
      expect(answer.headers['content-encoding']).toBe('gzip')
      expect(answer.headers['content-length']).toBe(String(answer.body.length))
      expect(answer.headers.vary).toMatch(/Accept-Encoding/i)
      expect(gunzipSync(answer.body).toString('utf8')).toBe(page)
    }
    // The same bytes both times: zlib's default level, as the middleware uses, made once.
    expect(second.body.equals(first.body)).toBe(true)
    expect(first.body.equals(gzipSync(Buffer.from(page, 'utf8')))).toBe(true)
  })

  it.each([
    ['a client without gzip', {}, {}, undefined],
    ['deflate only (the middleware deflates)', { 'Accept-Encoding': 'deflate' }, {}, 'deflate'],
    ['gzip refused', { 'Accept-Encoding': 'gzip;q=0, deflate' }, {}, 'deflate'],
    [
      'Cache-Control: no-transform',
      { 'Accept-Encoding': 'gzip' },
      { 'Cache-Control': 'public, no-transform' },
      undefined,
    ],
    [
      'an incompressible type',
      { 'Accept-Encoding': 'gzip' },
      { 'Content-Type': 'image/webp' },
      undefined,
    ],
  ])('leaves the choice to the middleware: %s', async (_name, request, response, expected) => {
    const answer = await rawWith(throughCompression(page, response), request)
    expect(answer.headers['content-encoding']).toBe(expected)
    if (expected === undefined) expect(answer.body.toString('utf8')).toBe(page)
  })

  it('does not gzip when Next does not compress (no middleware)', async () => {
    const answer = await rawWith(sendPage(page), { 'Accept-Encoding': 'gzip' })
    expect(answer.headers['content-encoding']).toBeUndefined()
    expect(answer.body.toString('utf8')).toBe(page)
  })

  it('sends what the rewrite returns, with its own length and gzip, and its callback', async () => {
    // Fewer bytes than the page (one character past U+00FF instead of several): the length that
    // Next set for the page would be wrong for it.
    const other = `<p>The page instead ’ ${'y'.repeat(MIN_CHARS)}</p>`
    expect(Buffer.byteLength(other)).not.toBe(Buffer.byteLength(page))
    const replacing = (replacement: string): BodyRewrite => {
      return (response, body) => (response.statusCode === 404 && body === page ? replacement : body)
    }
    const notFound = (respond: Handler) => (res: ServerResponse) => {
      res.statusCode = 404
      respond(res)
    }
    rewrite = replacing(other)
    try {
      const plain = await rawWith(notFound(sendPage(page)))
      expect(plain.status).toBe(404)
      expect(plain.body.toString('utf8')).toBe(other)
      expect(plain.headers['content-length']).toBe(String(Buffer.byteLength(other)))
      const short = '<p>Short ’</p>'
      rewrite = replacing(short)
      const shortAnswer = await rawWith(notFound(sendPage(page)))
      expect(shortAnswer.body.toString('utf8')).toBe(short)
      expect(shortAnswer.headers['content-length']).toBe(String(Buffer.byteLength(short)))
      rewrite = replacing(other)
      const gzipped = await rawWith(notFound(throughCompression(page)), {
        'Accept-Encoding': 'gzip',
      })
      expect(gunzipSync(gzipped.body).toString('utf8')).toBe(other)
      let called = false
      await fetchWith(notFound((res) => res.end(page, () => (called = true))))
      expect(called).toBe(true)
      // What the rewrite leaves alone is sent as it was.
      expect((await fetchWith(sendPage(page))).body.toString('utf8')).toBe(page)
    } finally {
      rewrite = unchanged
    }
  })

  it('patches ServerResponse itself, once', () => {
    const end = Object.getOwnPropertyDescriptor(ServerResponse.prototype, 'end')
    expect(end?.get).toBeTypeOf('function')
    endWithBuffers()
    expect(Object.getOwnPropertyDescriptor(ServerResponse.prototype, 'end')).toEqual(end)
  })
})
