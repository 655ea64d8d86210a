import { ServerResponse, type IncomingMessage } from 'node:http'
import entityTag from 'etag'
import fresh from 'fresh'

/** Shorter strings are written as they are: the cost only shows on large bodies. */
export const MIN_CHARS = 16 * 1024

export interface EncoderLimits {
  maxEntries: number
  maxBytes: number
}

/** A body's UTF-8 bytes and the strong validator for them. */
export interface Encoded {
  bytes: Buffer
  etag: string
}

const DEFAULT_LIMITS: EncoderLimits = { maxEntries: 256, maxBytes: 64 * 2 ** 20 }

/**
 * UTF-8 bytes and ETag of a string, remembered for the most recently used strings. Next's
 * response cache hands out the same string object for every hit on a page, so a page is encoded
 * and hashed once; the Map finds it by identity before it compares any characters.
 */
export function createEncoder(limits: EncoderLimits = DEFAULT_LIMITS) {
  const cache = new Map<string, Encoded>()
  let bytes = 0
  return function encode(text: string): Encoded {
    const cached = cache.get(text)
    if (cached) {
      // Most recently used goes last; eviction takes the first.
      cache.delete(text)
      cache.set(text, cached)
      return cached
    }
    const encoded = Buffer.from(text, 'utf8')
    const entry = { bytes: encoded, etag: entityTag(encoded) }
    if (encoded.length > limits.maxBytes) return entry
    cache.set(text, entry)
    bytes += encoded.length
    for (const [key, value] of cache) {
      if (cache.size <= limits.maxEntries && bytes <= limits.maxBytes) break
      cache.delete(key)
      bytes -= value.bytes.length
    }
    return entry
  }
}

const PATCHED = Symbol.for('marquee.endWithBuffers')
const OWN_END = Symbol('marquee.ownEnd')

type EndFunction = (this: unknown, ...args: unknown[]) => unknown
type Response = ServerResponse & { [OWN_END]?: EndFunction }

/** A response that may carry a validator: a fresh 200 to a GET whose headers are still open. */
function takesEtag(
  response: ServerResponse,
): response is ServerResponse & { req: IncomingMessage } {
  return (
    response.req?.method === 'GET' &&
    response.statusCode === 200 &&
    !response.headersSent &&
    !response.hasHeader('etag')
  )
}

/**
 * Patches `res.end(string)`, the call Next ends every cached page and RSC payload with, to do
 * two things once per cached page instead of on every request:
 *
 * - **Bytes.** A string of MIN_CHARS or more is written as its UTF-8 bytes. Node 20 writes a
 *   long string that holds any character above U+00FF (one curly apostrophe in a headline is
 *   enough) to a socket about ten times slower than the same bytes; without this an article's
 *   req/s fell to a third of what the same bytes get (measured in the #7 notes).
 * - **ETag.** A 200 to a GET gets a strong ETag of its body, and a matching `If-None-Match`
 *   gets a 304 without the body, as Next's own `generateEtags` would do. Next hashes the whole
 *   page on every request (FNV over 88,000 characters for an article); next.config.js turns that
 *   off and this hashes each cached page once. Not on HEAD: Next ends those without the body.
 *
 * Next's compression middleware replaces `end` on each response it compresses. So `end` is an
 * accessor here: a response's own `end` is kept aside and called after this work, which
 * therefore sees the page as a string and sets the ETag before compression sends any header.
 * Headers, status and callback are otherwise unchanged; other encodings and Buffers pass as
 * they are.
 */
export function endWithBuffers(
  target: object = ServerResponse.prototype,
  encode = createEncoder(),
): void {
  if (PATCHED in target) return
  const original = (target as { end: EndFunction }).end

  function finish(response: Response, next: EndFunction, args: unknown[]) {
    const [chunk, encoding, callback] = args
    if (typeof chunk !== 'string') return next.apply(response, args)
    if (typeof encoding === 'string' && encoding !== 'utf8' && encoding !== 'utf-8') {
      return next.apply(response, args)
    }
    // Compression's `end(chunk, encoding)` takes no callback, and Next never passes one.
    const done = typeof encoding === 'function' ? encoding : callback
    const encoded = chunk.length >= MIN_CHARS ? encode(chunk) : undefined
    if (takesEtag(response)) {
      const etag = encoded?.etag ?? entityTag(chunk)
      response.setHeader('ETag', etag)
      if (fresh(response.req.headers, { etag })) {
        response.statusCode = 304
        response.removeHeader('Content-Length')
        response.removeHeader('Content-Type')
        return done ? next.call(response, done) : next.call(response)
      }
    }
    if (!encoded) return next.apply(response, args)
    return done ? next.call(response, encoded.bytes, done) : next.call(response, encoded.bytes)
  }

  function end(this: Response, ...args: unknown[]) {
    return finish(this, original, args)
  }
  function endThroughOwn(this: Response, ...args: unknown[]) {
    return finish(this, this[OWN_END]!, args)
  }

  Object.defineProperty(target, 'end', {
    configurable: true,
    get(this: Response) {
      return this[OWN_END] ? endThroughOwn : end
    },
    set(this: Response, own: EndFunction) {
      this[OWN_END] = own
    },
  })
  Object.defineProperty(target, PATCHED, { value: true })
}
