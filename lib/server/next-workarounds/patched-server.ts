import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createRequire } from 'node:module'
import { afterAll, beforeAll } from 'vitest'
import { rawGet } from '../raw-get'
import { endWithBuffers, MIN_CHARS, type BodyRewrite, type EndOptions } from './response-buffers'

/** For response-buffers' tests: a server on loopback whose responses go through the patch. */

export type Handler = (response: ServerResponse) => void
type Middleware = (request: IncomingMessage, response: ServerResponse, next: () => void) => void
// The compression middleware `next start` puts in front of every response.
const compression = createRequire(import.meta.url)('next/dist/compiled/compression') as (
  options?: object,
) => Middleware
export const compress = compression()

// A long page with characters past U+00FF, like any headline with a curly apostrophe.
export const STREAM_CHUNK = 3000
export const page = `<p>Luke Cage’s set — “Harlem” → ☀ ${'x'.repeat(MIN_CHARS)}</p>`

export const unchanged: BodyRewrite = (_response, body) => body

// Next ends a cached page like this (send-payload.ts) when generateEtags is off.
export const sendPage =
  (text: string, headers: Record<string, string> = {}) =>
  (res: ServerResponse) => {
    res.setHeader('Content-Type', 'text/html; charset=utf-8')
    res.setHeader('Content-Length', Buffer.byteLength(text))
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value)
    res.end(text)
  }

/** The page as `next start` sends it: through the compression middleware. */
export const throughCompression =
  (text: string, headers: Record<string, string> = {}) =>
  (res: ServerResponse) => {
    compress(res.req, res, () => {})
    sendPage(text, headers)(res)
  }

/**
 * Patches ServerResponse with `options` before the file's tests and serves each request with the
 * handler the last fetchWith or rawWith was given.
 */
export function patchedServer(options: Omit<EndOptions, 'target'>) {
  let handler: Handler = (response) => response.end()
  const server = createServer((_request: IncomingMessage, response) => handler(response))
  let base = ''
  beforeAll(async () => {
    endWithBuffers(options)
    endWithBuffers() // a second call must not wrap twice
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

  return {
    async fetchWith(respond: Handler, method = 'GET', headers: Record<string, string> = {}) {
      handler = respond
      const response = await fetch(base, { method, headers })
      return { response, body: Buffer.from(await response.arrayBuffer()) }
    },
    rawWith(respond: Handler, headers: Record<string, string> = {}) {
      handler = respond
      return rawGet(base, headers)
    },
  }
}
