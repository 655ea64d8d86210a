import { readFileSync } from 'node:fs'
import type { ServerResponse } from 'node:http'
import path from 'node:path'
import { serverErrorDocument } from '../server-error-page'

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

/** The pages sent in place of the shell, by status. */
export type ErrorDocuments = Partial<Record<404 | 500, string>>

/** Where `next build` puts the not-found page it prerenders, in the build folder. */
const NOT_FOUND_PAGE = path.join('server', 'app', '_not-found.html')

/** Draft mode's cookie: an editor's preview is left as Next renders it (see `errorBody`). */
const PREVIEW_COOKIE = /(?:^|;)\s*__prerender_bypass=/

/**
 * The pages a running server sends for its errors:
 * - 404: the not-found page `next build` prerendered, root layout and all: what Next itself
 *   serves for a URL no route matches. `missing` names its file when the build has none
 *   (`next dev` prerenders nothing).
 * - 500: the server error page (lib/server-error-page.ts). The `_global-error.html` a build holds
 *   is Next's own generic page, not app/global-error.tsx.
 */
export function errorDocuments(buildDir: string): {
  documents: ErrorDocuments
  missing: string[]
} {
  const documents: ErrorDocuments = { 500: serverErrorDocument() }
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
 * A rewrite for `endWithBuffers`: sends the page for the response's status in place of Next's
 * empty error shell, so a 404 or 500 carries its whole page in the first response, as an
 * unmatched URL's 404 does. The not-found page hydrates the same way there, since it is the same
 * document; the server error page has nothing to hydrate. Status and headers stay Next's (the
 * cache headers of a cached 404 included).
 *
 * Only a GET's answer whose body starts with the shell is rewritten (endWithBuffers offers only
 * bodies whose length is not yet sent, streamed ones included). A preview request keeps Next's
 * answer: the client draws that one with the preview banner, which these pages, made for
 * readers, do not have.
 */
export function errorBody(documents: ErrorDocuments) {
  return (response: ServerResponse, body: string): string => {
    const document = documents[response.statusCode as keyof ErrorDocuments]
    if (!document || !body.startsWith(ERROR_SHELL)) return body
    const request = response.req
    if (request?.method !== 'GET' || PREVIEW_COOKIE.test(request.headers.cookie ?? '')) return body
    return document
  }
}
