import { ServerResponse } from 'node:http'

/** Shorter strings are written as they are: the cost only shows on large bodies. */
export const MIN_CHARS = 16 * 1024

export interface EncoderLimits {
  maxEntries: number
  maxBytes: number
}

const DEFAULT_LIMITS: EncoderLimits = { maxEntries: 256, maxBytes: 64 * 2 ** 20 }

/**
 * UTF-8 bytes of a string, remembered for the most recently used strings. Next's response cache
 * hands out the same string object for every hit on a page, so a page is encoded once; the Map
 * finds it by identity before it compares any characters.
 */
export function createEncoder(limits: EncoderLimits = DEFAULT_LIMITS) {
  const cache = new Map<string, Buffer>()
  let bytes = 0
  return function encode(text: string): Buffer {
    const cached = cache.get(text)
    if (cached) {
      // Most recently used goes last; eviction takes the first.
      cache.delete(text)
      cache.set(text, cached)
      return cached
    }
    const encoded = Buffer.from(text, 'utf8')
    if (encoded.length > limits.maxBytes) return encoded
    cache.set(text, encoded)
    bytes += encoded.length
    for (const [key, value] of cache) {
      if (cache.size <= limits.maxEntries && bytes <= limits.maxBytes) break
      cache.delete(key)
      bytes -= value.length
    }
    return encoded
  }
}

const PATCHED = Symbol.for('marquee.endWithBuffers')

type Patchable = { end: (...args: never[]) => unknown; [PATCHED]?: true }

/**
 * Makes `res.end(longString)` write the string's UTF-8 bytes as a Buffer.
 *
 * Node 20 writes a long string that holds any character above U+00FF (one curly apostrophe in a
 * headline is enough) to a socket about ten times slower than the same bytes as a Buffer. Next
 * ends every cached page with its HTML as one string, so without this an article's req/s fell to
 * a third of what the same bytes get (measured in the #7 notes). The bytes, headers and callback
 * are unchanged; only strings in UTF-8 of MIN_CHARS or more are touched.
 */
export function endWithBuffers(
  target: Patchable = ServerResponse.prototype as unknown as Patchable,
  encode = createEncoder(),
): void {
  if (target[PATCHED]) return
  const end = target.end as (this: unknown, ...args: unknown[]) => unknown
  target.end = function (this: unknown, ...args: unknown[]) {
    const [chunk, encoding, callback] = args
    if (typeof chunk !== 'string' || chunk.length < MIN_CHARS) return end.apply(this, args)
    if (typeof encoding === 'function') return end.call(this, encode(chunk), encoding)
    if (encoding !== undefined && encoding !== 'utf8' && encoding !== 'utf-8') {
      return end.apply(this, args)
    }
    return end.call(this, encode(chunk), callback)
  } as Patchable['end']
  target[PATCHED] = true
}
