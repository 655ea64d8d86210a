import { readFileSync } from 'node:fs'
import type { ServerResponse } from 'node:http'
import path from 'node:path'

/**
 * How Next 16 begins the page it sends when `notFound()` is thrown while a route renders (an
 * unknown story, section, author, topic, gallery or page number): status 404 and an empty
 * `<html id="__next_error__">`, whose not-found page exists only in the hydration payload. React's
 * server renderer does not run error boundaries, so the boundary that would draw the page never
 * draws it on the server (vercel/next.js#62228, open; fixes proposed in #98455 and #98583).
 * Readers without JavaScript and crawlers get a blank page.
 */
export const ERROR_SHELL = '<!DOCTYPE html><html id="__next_error__">'

/** Draft mode's cookie: an editor's preview is left as Next renders it (see `notFoundBody`). */
const PREVIEW_COOKIE = /(?:^|;)\s*__prerender_bypass=/

/**
 * The not-found page `next build` prerendered: what Next itself serves for a URL that no route
 * matches, root layout and all. Undefined when the build has none (a dynamic not-found page, or
 * `next dev`, which prerenders nothing).
 */
export function readNotFoundDocument(buildDir: string): string | undefined {
  try {
    return readFileSync(path.join(buildDir, 'server', 'app', '_not-found.html'), 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}

/**
 * A rewrite for `endWithBuffers`: sends `document` in place of Next's empty error shell, so a 404
 * carries the whole not-found page in its first response, as an unmatched URL's does. It hydrates
 * the same way there, since it is the same document. Status and headers stay Next's (the cache
 * headers of a cached 404 included).
 *
 * Only a GET's 404 whose body starts with the shell, before its headers are sent, is rewritten.
 * A preview request keeps Next's answer: the client draws that one with the preview banner, which
 * the prerendered page, made for readers, does not have.
 */
export function notFoundBody(document: string) {
  return (response: ServerResponse, body: string): string => {
    if (response.statusCode !== 404 || response.headersSent || !body.startsWith(ERROR_SHELL)) {
      return body
    }
    const request = response.req
    if (request?.method !== 'GET' || PREVIEW_COOKIE.test(request.headers.cookie ?? '')) return body
    return document
  }
}
