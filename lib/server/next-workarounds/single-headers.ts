// Workaround: Next sends `Location` twice on a redirect it renders at run time (vercel/next.js#82117). Measured on Next.js 16.4.6, Node.js 20.20 and 26.12.
import { ServerResponse } from 'node:http'

/** Headers that name one value: a redirect's one target (RFC 9110 §10.2.2), Next's one time. */
const SINGLE = ['location', 'x-nextjs-stale-time'] as const

const PATCHED = Symbol.for('marquee.singleHeaders')

type WriteHead = (this: ServerResponse, ...args: unknown[]) => ServerResponse

/**
 * Sends each of SINGLE once when a response was given the same value for it more than once.
 *
 * Next 16.4 does that on every redirect it renders at run time, that is on the first request
 * for each address it has not cached yet (a story's old slug, an old section slug, page 1 of a
 * list, a story under the wrong section): app-render sets `Location` and `x-nextjs-stale-time`
 * on the response and records them for the cache, and the page handler then appends the
 * recorded copies again (vercel/next.js#82117). Browsers follow either copy, but a proxy or CDN
 * that joins repeated headers makes `Location: /tv/x, /tv/x`, which leads nowhere, and the nginx
 * front stores that answer for a minute. The copies are merged in `writeHead`, which Node calls
 * for every response before its headers go out, also when nothing called it explicitly.
 * Different values are left as they are: that is a conflict for the reader to see, not this bug.
 */
export function sendSingleHeadersOnce(target: object = ServerResponse.prototype): void {
  if (PATCHED in target) return
  const original = (target as { writeHead: WriteHead }).writeHead
  function writeHead(this: ServerResponse, ...args: unknown[]) {
    for (const name of SINGLE) {
      const value = this.getHeader(name)
      if (Array.isArray(value) && value.length > 1 && value.every((one) => one === value[0])) {
        this.setHeader(name, value[0]!)
      }
    }
    return original.apply(this, args)
  }
  Object.defineProperty(target, 'writeHead', {
    configurable: true,
    writable: true,
    value: writeHead,
  })
  Object.defineProperty(target, PATCHED, { value: true })
}
