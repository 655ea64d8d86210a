// Workaround: Next hashes (ETag) and gzips a cached page on every request, and has no way to give a cached page a header made from its bytes (its CSP hashes; vercel/next.js#43743). Measured on Next.js 16.4.6, Node.js 20.20 and 26.12.
import { ServerResponse, type IncomingMessage } from 'node:http'
import { gzipSync } from 'node:zlib'
import compressible from 'compressible'
import entityTag from 'etag'
import fresh from 'fresh'
import Negotiator from 'negotiator'

/** Shorter strings are written as they are: the cost only shows on large bodies. */
export const MIN_CHARS = 16 * 1024

export interface EncoderLimits {
  maxEntries: number
  maxBytes: number
}

/**
 * A body's UTF-8 bytes and the strong validator for them; its gzip once a reader asked, and its
 * Content-Security-Policy once it was sent as a page.
 */
export interface Encoded {
  bytes: Buffer
  etag: string
  gzip?: Buffer
  policy?: string
  /** The text that was encoded, when `encode` was given a transform that changed it. */
  sent?: string
}

const DEFAULT_LIMITS: EncoderLimits = { maxEntries: 256, maxBytes: 64 * 2 ** 20 }

/**
 * UTF-8 bytes, ETag and gzip of a string, remembered for the most recently used strings. Next's
 * response cache hands out the same string object for every hit on a page, so a page is encoded,
 * hashed and compressed once; the Map finds it by identity before it compares any characters.
 */
export class PageEncoder {
  private readonly cache = new Map<string, Encoded>()

  constructor(private readonly limits: EncoderLimits = DEFAULT_LIMITS) {}

  /** `transform`, if given, rewrites the text first; a text is always encoded the same way. */
  encode(text: string, transform?: (text: string) => string): Encoded {
    const cached = this.cache.get(text)
    if (cached) {
      // Most recently used goes last; eviction takes the first.
      this.cache.delete(text)
      this.cache.set(text, cached)
      return cached
    }
    const sent = transform?.(text) ?? text
    const bytes = Buffer.from(sent, 'utf8')
    const entry: Encoded = { bytes, etag: entityTag(bytes) }
    if (sent !== text) entry.sent = sent
    if (bytes.length > this.limits.maxBytes) return entry
    this.cache.set(text, entry)
    this.evict()
    return entry
  }

  /** The entry's gzip, made on first use at zlib's default level, as the middleware would. */
  gzip(entry: Encoded): Buffer {
    if (!entry.gzip) {
      entry.gzip = gzipSync(entry.bytes)
      this.evict()
    }
    return entry.gzip
  }

  /** The entry's page policy, worked out from the text it sends on first use. */
  policy(entry: Encoded, text: string, policyFor: PagePolicy): string {
    entry.policy ??= policyFor(entry.sent ?? text)
    return entry.policy
  }

  /**
   * Drops the least recently used entries past the limits. Runs only when something was added
   * (a page's first answer), so the byte total is summed from the entries, not kept beside them.
   */
  private evict() {
    const size = (entry: Encoded) => entry.bytes.length + (entry.gzip?.length ?? 0)
    let bytes = 0
    for (const entry of this.cache.values()) bytes += size(entry)
    for (const [key, entry] of this.cache) {
      if (this.cache.size <= this.limits.maxEntries && bytes <= this.limits.maxBytes) break
      this.cache.delete(key)
      bytes -= size(entry)
    }
  }
}

const PATCHED = Symbol.for('marquee.endWithBuffers')
const OWN_END = Symbol('marquee.ownEnd')
const OWN_WRITE = Symbol('marquee.ownWrite')
/** The response has written a chunk (its body is streamed). */
const WROTE = Symbol('marquee.wrote')
/** The rewrite replaced the streamed body: the rest of the stream is dropped. */
const REPLACED = Symbol('marquee.replaced')
/** How much of a streamed body's first chunk a rewrite sees. */
const STREAM_PEEK = 1024

type EndFunction = (this: unknown, ...args: unknown[]) => unknown
/**
 * Returns the body a response is to send in place of `body`: the string it was ended with, or
 * the start (STREAM_PEEK characters or so) of a streamed body's first chunk, in which case what
 * it returns, if different, replaces the whole stream.
 */
export type BodyRewrite = (response: ServerResponse, body: string) => string
/**
 * Returns the body whose headers a HEAD's answer is to carry instead of Next's, having set its
 * status and type, or undefined to leave them. Next answers a HEAD with the headers of the GET's
 * answer, Content-Length included, and ends it with no body, so a BodyRewrite never sees it.
 */
export type HeadRewrite = (response: ServerResponse) => string | undefined

/** The Content-Security-Policy for an HTML page's text (lib/server/content-security-policy.ts). */
export type PagePolicy = (html: string) => string

export interface EndOptions {
  /** What is patched: ServerResponse.prototype unless a test gives its own. */
  target?: object
  encoder?: PageEncoder
  rewrite?: BodyRewrite
  head?: HeadRewrite
  policy?: PagePolicy
  /**
   * With `policy`: rewrites a long page's text once, before its bytes, ETag, gzip and policy are
   * worked out (flight-scripts.ts joins Next's payload scripts, for fewer hashes).
   */
  pageText?: (html: string) => string
}
type PatchedResponse = ServerResponse & {
  [OWN_END]?: EndFunction
  [OWN_WRITE]?: EndFunction
  [WROTE]?: boolean
  [REPLACED]?: boolean
}

/**
 * Whether the whole body is still to be written and its length not yet promised: nothing written
 * before, and no Content-Length already sent (a streamed answer's headers go out first, without
 * one, so its body can still change).
 */
function bodyIsOpen(response: PatchedResponse): boolean {
  return !response[WROTE] && !(response.headersSent && response.hasHeader('content-length'))
}

/** The first characters of a chunk given to `write`, if it is text or bytes. */
function chunkStart(chunk: unknown): string | undefined {
  if (typeof chunk === 'string') return chunk.slice(0, STREAM_PEEK)
  if (!(chunk instanceof Uint8Array)) return undefined
  const length = Math.min(chunk.byteLength, STREAM_PEEK)
  return Buffer.from(chunk.buffer, chunk.byteOffset, length).toString('utf8')
}

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

const HTML = /^text\/html\b/i
const NONCE = /'nonce-/

/**
 * Whether a page's own policy goes on this answer: an HTML page whose headers are still open and
 * whose policy is not already a per-request nonce (proxy.ts gives pages rendered per request one).
 */
function takesPagePolicy(response: ServerResponse): boolean {
  if (response.headersSent) return false
  const type = response.getHeader('content-type')
  if (typeof type !== 'string' || !HTML.test(type)) return false
  const current = response.getHeader('content-security-policy')
  return !(typeof current === 'string' && NONCE.test(current))
}

const NO_TRANSFORM = /(?:^|,)\s*no-transform\s*(?:,|$)/i

/**
 * Whether Next's compression middleware (next/dist/compiled/compression) would gzip this answer:
 * its checks, in its order, for a body already known to be over its 1 KB threshold.
 */
function wouldGzip(response: ServerResponse & { req: IncomingMessage }): boolean {
  const type = response.getHeader('content-type')
  if (typeof type !== 'string' || !compressible(type)) return false
  const cacheControl = response.getHeader('cache-control')
  if (typeof cacheControl === 'string' && NO_TRANSFORM.test(cacheControl)) return false
  if (response.hasHeader('content-encoding') || response.req.method === 'HEAD') return false
  const negotiator = new Negotiator(response.req)
  let method = negotiator.encoding(['gzip', 'deflate', 'identity'])
  if (method === 'deflate' && negotiator.encoding(['gzip'])) {
    method = negotiator.encoding(['gzip', 'identity'])
  }
  return method === 'gzip'
}

/**
 * Patches `res.end(string)`, the call Next ends every cached page and RSC payload with, to do
 * these things once per cached page instead of on every request:
 *
 * - **Bytes.** A string of MIN_CHARS or more is written as its UTF-8 bytes. Node writes a long
 *   string that holds any character above U+00FF (one curly apostrophe in a headline is enough)
 *   to a socket slower than the same bytes: 13.5× the CPU on Node 20, still 3.8× on Node 26
 *   (about 48 µs an article; README, "How it fits together").
 * - **ETag.** A 200 to a GET gets a strong ETag of its body, and a matching `If-None-Match`
 *   gets a 304 without the body, as Next's own `generateEtags` would do. Next hashes the whole
 *   page on every request (FNV over 88,000 characters for an article); next.config.js turns that
 *   off and this hashes each cached page once. Not on HEAD: Next ends those without the body.
 * - **Policy.** With `policy`, an HTML page gets the Content-Security-Policy that allows exactly
 *   its inline scripts, worked out once per cached page beside its bytes and ETag, after
 *   `pageText` (if given) has rewritten a long page's text.
 * - **Gzip.** Where Next's compression middleware would gzip a long body, the page's gzip is
 *   made once and sent with `Content-Encoding: gzip`; the middleware passes an answer that is
 *   already encoded through untouched (and still adds its `Vary`). Without this every cached page
 *   was compressed again for every reader: half the req/s of identity on an article.
 *
 * Next's compression middleware replaces `end` on each response. So `end` is an accessor here:
 * a response's own `end` is kept aside and called after this work, which therefore sees the
 * page as a string and sets its headers before the middleware sends any. Gzip is only chosen
 * when such an own `end` exists, i.e. when Next compresses at all (`compress` is not false).
 * Status and callback are otherwise unchanged; other encodings and Buffers pass as they are.
 *
 * `rewrite`, when given, sees each such string body first and returns the body to send instead,
 * whose length then replaces any Content-Length set for the first. It also sees the start of a
 * streamed body (`write`, then `end`; Next streams a dynamic page) and may replace it whole:
 * the replacement is written in place of the first chunk and the rest is dropped. A body whose
 * length was already sent is left alone. lib/server/next-workarounds/error-documents.ts fills in Next's empty 404
 * and 500 shells this way. `head` sees a HEAD ended with its headers still unsent, and the
 * length of the body it returns replaces Next's Content-Length.
 */
export function endWithBuffers({
  target = ServerResponse.prototype,
  encoder = new PageEncoder(),
  rewrite,
  head,
  policy,
  pageText,
}: EndOptions = {}): void {
  if (PATCHED in target) return
  const original = (target as { end: EndFunction }).end

  /** A long body's encoding: of its text as `pageText` rewrites it, if it is to get a page policy. */
  function encode(text: string, page: boolean): Encoded | undefined {
    if (text.length < MIN_CHARS) return undefined
    return encoder.encode(text, page ? pageText : undefined)
  }

  function finish(response: PatchedResponse, next: EndFunction, args: unknown[]) {
    if (response[REPLACED]) return next.apply(response, args.filter(isCallback))
    const [given, encoding, callback] = args
    if (given == null && response.req?.method === 'HEAD' && !response.headersSent) {
      const body = head?.(response)
      const page = policy !== undefined && takesPagePolicy(response)
      if (body !== undefined) {
        response.setHeader(
          'Content-Length',
          encode(body, page)?.bytes.length ?? Buffer.byteLength(body),
        )
      } else if (page && pageText) {
        // Next's length is its text's, before pageText; the bytes a GET gets are not known here.
        response.removeHeader('Content-Length')
      }
    }
    if (typeof given !== 'string') return next.apply(response, args)
    if (typeof encoding === 'string' && encoding !== 'utf8' && encoding !== 'utf-8') {
      return next.apply(response, args)
    }
    const chunk = rewrite && bodyIsOpen(response) ? rewrite(response, given) : given
    if (chunk !== given) args = [chunk, ...args.slice(1)]
    // Compression's `end(chunk, encoding)` takes no callback, and Next never passes one.
    const done = typeof encoding === 'function' ? encoding : callback
    const send = (body?: Buffer) => {
      const rest = done ? [done] : []
      return body ? next.call(response, body, ...rest) : next.call(response, ...rest)
    }
    const page = policy !== undefined && takesPagePolicy(response)
    const encoded = encode(chunk, page)
    const changed = chunk !== given || encoded?.sent !== undefined
    if (changed && response.hasHeader('content-length') && !response.headersSent) {
      response.setHeader('Content-Length', encoded?.bytes.length ?? Buffer.byteLength(chunk))
    }
    if (page) {
      const value = encoded ? encoder.policy(encoded, chunk, policy) : policy(chunk)
      response.setHeader('Content-Security-Policy', value)
    }
    if (takesEtag(response)) {
      const etag = encoded?.etag ?? entityTag(chunk)
      response.setHeader('ETag', etag)
      if (fresh(response.req.headers, { etag })) {
        response.statusCode = 304
        response.removeHeader('Content-Length')
        response.removeHeader('Content-Type')
        return send()
      }
    }
    if (!encoded) return next.apply(response, args)
    if (next !== original && response.req && !response.headersSent && wouldGzip(response)) {
      const gzip = encoder.gzip(encoded)
      response.setHeader('Content-Encoding', 'gzip')
      response.setHeader('Content-Length', gzip.length)
      return send(gzip)
    }
    return send(encoded.bytes)
  }

  /** A chunk of a streamed body: the first one may be replaced by the rewrite (see above). */
  function stream(response: PatchedResponse, next: EndFunction, args: unknown[]) {
    if (response[REPLACED]) {
      const done = args.find(isCallback)
      if (done) process.nextTick(done)
      return true
    }
    const start = rewrite && bodyIsOpen(response) ? chunkStart(args[0]) : undefined
    response[WROTE] = true
    if (start === undefined) return next.apply(response, args)
    const replacement = rewrite!(response, start)
    if (replacement === start) return next.apply(response, args)
    response[REPLACED] = true
    return next.call(response, Buffer.from(replacement, 'utf8'), ...args.filter(isCallback))
  }

  accessor(
    target,
    'end',
    OWN_END,
    function end(this: PatchedResponse, ...args: unknown[]) {
      return finish(this, original, args)
    },
    function endThroughOwn(this: PatchedResponse, ...args: unknown[]) {
      return finish(this, this[OWN_END]!, args)
    },
  )
  if (rewrite) {
    const originalWrite = (target as { write: EndFunction }).write
    accessor(
      target,
      'write',
      OWN_WRITE,
      function write(this: PatchedResponse, ...args: unknown[]) {
        // Under the middleware its own write is the outer one; this is then its gzip going out.
        if (this[OWN_WRITE]) return originalWrite.apply(this, args)
        return stream(this, originalWrite, args)
      },
      function writeThroughOwn(this: PatchedResponse, ...args: unknown[]) {
        return stream(this, this[OWN_WRITE]!, args)
      },
    )
  }
  Object.defineProperty(target, PATCHED, { value: true })
}

/**
 * Makes `name` an accessor on `target`: a function a response is given of its own (as Next's
 * compression middleware gives each one) is kept under `own`, and the response's calls go to
 * `throughOwn` when it has one, else to `direct`.
 */
function accessor(
  target: object,
  name: 'end' | 'write',
  own: typeof OWN_END | typeof OWN_WRITE,
  direct: (this: PatchedResponse, ...args: unknown[]) => unknown,
  throughOwn: (this: PatchedResponse, ...args: unknown[]) => unknown,
) {
  Object.defineProperty(target, name, {
    configurable: true,
    get(this: PatchedResponse) {
      return this[own] ? throughOwn : direct
    },
    set(this: PatchedResponse, value: EndFunction) {
      this[own] = value
    },
  })
}

function isCallback(value: unknown): value is () => void {
  return typeof value === 'function'
}
