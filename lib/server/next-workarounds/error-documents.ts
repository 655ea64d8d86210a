// Workaround: Next answers notFound() and render errors with an empty shell, drawn only by JavaScript (vercel/next.js#62228), and an undecodable path with a plain-text 500. Measured on Next.js 16.4.6, Node.js 20.20 and 26.12.
import { readFileSync } from 'node:fs'
import type { ServerResponse } from 'node:http'
import path from 'node:path'
import type { BadRequestBody } from '../../api/bad-request'
import { NO_SCRIPT_POLICY, SECURITY_HEADERS } from '../security-headers'
import { BAD_ADDRESS_PAGE, errorPageDocument, SERVER_ERROR_PAGE } from '../error-page'

/**
 * How Next 16 begins the page it sends when a route's render ends in an error: `notFound()` (an
 * unknown story, section, author, topic, gallery or page number) or a thrown error (a content
 * library that failed to load). Status 404 or 500 and an empty `<html id="__next_error__">`,
 * whose page exists only in the hydration payload. React's server renderer does not run error
 * boundaries, so the boundary that would draw the page never draws it on the server
 * (vercel/next.js#62228, open; fixes proposed in #98455 and #98583). Readers without JavaScript
 * and crawlers get a blank page.
 */
export const ERROR_SHELL = '<!DOCTYPE html><html id="__next_error__">'

/**
 * What Next 16 sends for a path that is not valid percent-encoding (`/tv/%ff`): router-server.js
 * catches the DecodeError and renders `/400`, a page an App Router build does not have, and
 * base-server.js then falls back to this text with status 500. Nothing is logged.
 */
export const PLAIN_500 = 'Internal Server Error'

/** The pages sent in place of Next's, by the status they are sent with. */
export type ErrorDocuments = Partial<Record<400 | 404 | 500, string>>

/** Where `next build` puts the not-found page it prerenders, in the build folder. */
const NOT_FOUND_PAGE = path.join('server', 'app', '_not-found.html')

/** Draft mode's cookie: an editor's preview is left as Next renders it (see `errorBody`). */
const PREVIEW_COOKIE = /(?:^|;)\s*__prerender_bypass=/

/**
 * The pages a running server sends for its errors:
 * - 404: the not-found page `next build` prerendered, root layout and all: what Next itself
 *   serves for a URL no route matches. `missing` names its file when the build has none
 *   (`next dev` prerenders nothing).
 * - 500: the server error page (lib/server/error-page.ts). The `_global-error.html` a build holds
 *   is Next's own generic page, not app/global-error.tsx.
 * - 400: the bad-address page (lib/server/error-page.ts), for a path that cannot be decoded.
 */
export function errorDocuments(buildDir: string): {
  documents: ErrorDocuments
  missing: string[]
} {
  const documents: ErrorDocuments = {
    400: errorPageDocument(BAD_ADDRESS_PAGE),
    500: errorPageDocument(SERVER_ERROR_PAGE),
  }
  const file = path.join(buildDir, NOT_FOUND_PAGE)
  try {
    documents[404] = readFileSync(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    return { documents, missing: [file] }
  }
  return { documents, missing: [] }
}

/**
 * A rewrite for `endWithBuffers`: sends a whole page where Next sends none.
 *
 * - **Next's empty error shell** (a 404 or 500 from a render): the page for the response's
 *   status, so it carries its whole page in the first response, as an unmatched URL's 404 does.
 *   The not-found page hydrates the same way there, since it is the same document; the server
 *   error page has nothing to hydrate. Status and headers stay Next's (the cache headers of a
 *   cached 404 included). Only a GET's answer is rewritten. A preview request keeps Next's
 *   answer: the client draws that one with the preview banner, which these pages, made for
 *   readers, do not have.
 * - **Next's plain 500 for a path it cannot decode** (PLAIN_500): status 400, what Next means to
 *   send, with the bad-address page as HTML (the API's JSON 400 body under /api/). Any method
 *   whose body is offered.
 *
 * A HEAD has no body to offer; `errorHead` gives it the headers of the GET's answer.
 * endWithBuffers offers only bodies whose length is not yet sent, streamed ones included, and
 * sets the length of the body returned.
 */
export function errorBody(documents: ErrorDocuments) {
  return (response: ServerResponse, body: string): string => {
    if (body === PLAIN_500) return badAddress(response, documents[400]) ?? body
    if (!body.startsWith(ERROR_SHELL) || response.req?.method !== 'GET') return body
    return errorPage(response, documents) ?? body
  }
}

/**
 * A rewrite of a HEAD's headers for `endWithBuffers`, so that they are the GET's (RFC 9110
 * §8.6: a HEAD's Content-Length, if sent, is the length the GET's body would have). Next ends a
 * HEAD without the body, so its answer is recognised by the headers Next set:
 * - an HTML 404 or 500: the GET's body is the page `errorBody` sends (Next's own length is the
 *   empty shell's); a preview keeps Next's, as its GET does;
 * - PLAIN_500 (its plain-text type and length): a path Next cannot decode gets the 400 and the
 *   type and length of the GET's page.
 */
export function errorHead(documents: ErrorDocuments) {
  return (response: ServerResponse): string | undefined => {
    const type = response.getHeader('content-type')
    if (typeof type !== 'string') return undefined
    if (type.startsWith('text/html')) return errorPage(response, documents)
    const length = Number(response.getHeader('content-length'))
    if (!type.startsWith('text/plain') || length !== Buffer.byteLength(PLAIN_500)) return undefined
    return badAddress(response, documents[400])
  }
}

/** The page for an HTML answer's 404 or 500, unless it answers an editor's preview. */
function errorPage(response: ServerResponse, documents: ErrorDocuments): string | undefined {
  const status = response.statusCode
  const document = status === 404 || status === 500 ? documents[status] : undefined
  if (!document || PREVIEW_COOKIE.test(response.req?.headers.cookie ?? '')) return undefined
  return document
}

/** What an API route's client gets for an address it cannot decode: the API's 400 body. */
const BAD_ADDRESS_JSON = JSON.stringify({
  error: 'invalid_request',
  issues: [{ path: '', message: 'the address is not valid percent-encoding' }],
} satisfies BadRequestBody)

/**
 * The answer to Next's plain 500 for a path it cannot decode, its status and type set: the
 * bad-address page, or under /api/ the JSON body every API route answers a 400 with.
 */
function badAddress(response: ServerResponse, document: string | undefined): string | undefined {
  if (!document || response.statusCode !== 500 || response.headersSent) return undefined
  const pathname = (response.req?.url ?? '/').split('?', 1)[0] ?? '/'
  if (decodes(pathname)) return undefined
  response.statusCode = 400
  // Next fails before its routing, so next.config.js headers() never reached this answer.
  for (const { key, value } of SECURITY_HEADERS) response.setHeader(key, value)
  response.setHeader('Content-Security-Policy', NO_SCRIPT_POLICY)
  if (pathname.startsWith('/api/')) {
    response.setHeader('Content-Type', 'application/json')
    return BAD_ADDRESS_JSON
  }
  response.setHeader('Content-Type', 'text/html; charset=utf-8')
  return document
}

function decodes(pathname: string): boolean {
  try {
    decodeURIComponent(pathname)
    return true
  } catch {
    return false
  }
}
