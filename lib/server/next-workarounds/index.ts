/**
 * Every patch of Next.js internals Marquee makes, in one folder, one file each, each headed by
 * what it fixes, the upstream issue and the versions it was measured on. They are installed only
 * on the Next.js release they were written for (version.ts); on any other, each logs that it is
 * off and Next's own behaviour serves: next.config.js then turns Next's ETags back on and gives
 * pages a policy that needs no hashes (security-headers.ts, FALLBACK_PAGE_POLICY).
 *
 * - response-buffers.ts: a cached page's bytes, ETag, gzip and Content-Security-Policy worked
 *   out once per page, not on every request; the hook error-documents.ts rewrites bodies with.
 * - flight-scripts.ts: Next's payload scripts joined into one, for one hash in a page's policy.
 * - single-headers.ts: one `Location` on a redirect Next renders at run time.
 * - error-documents.ts: whole 404, 500 and 400 pages where Next sends an empty shell or plain text.
 * - cache-handler.ts: a 404 for an address that never had a page is not written to disk.
 */
import { ServerResponse } from 'node:http'
import type { PagePolicy } from './response-buffers'
import { installedNextVersion, WRITTEN_FOR_NEXT } from './version'

export const WORKAROUNDS = [
  'response-buffers',
  'flight-scripts',
  'single-headers',
  'error-documents',
  'cache-handler',
] as const

export interface InstallOptions {
  /** The installed Next.js version (the `next` package's by default). */
  nextVersion?: string
  /** `next start` serving: everything. Otherwise (dev, build): only what the response path needs. */
  serving: boolean
  /** The build folder, whose prerendered pages error-documents.ts sends. */
  buildDir?: string
  /** A cached page's Content-Security-Policy. */
  policy?: PagePolicy
  /** What is patched: ServerResponse.prototype unless a test gives its own. */
  target?: object
  warn?: (message: string) => void
}

/** Installs the workarounds, or none when the Next.js version is not theirs. Returns whether. */
export async function installWorkarounds({
  nextVersion = installedNextVersion(),
  serving,
  buildDir,
  policy,
  target = ServerResponse.prototype,
  warn = console.warn,
}: InstallOptions): Promise<boolean> {
  if (nextVersion !== WRITTEN_FOR_NEXT) {
    for (const name of WORKAROUNDS) {
      warn(
        `Marquee: workaround ${name} is off: written for Next.js ${WRITTEN_FOR_NEXT}, ` +
          `this is ${nextVersion} (lib/server/next-workarounds/version.ts).`,
      )
    }
    return false
  }
  const { endWithBuffers } = await import('./response-buffers')
  const { sendSingleHeadersOnce } = await import('./single-headers')
  sendSingleHeadersOnce(target)
  if (!serving || !buildDir) {
    endWithBuffers({ target })
    return true
  }
  const { errorBody, errorDocuments, errorHead } = await import('./error-documents')
  const { documents, missing } = errorDocuments(buildDir)
  for (const file of missing) {
    warn(`Marquee: the build has no ${file}, so a 404 from notFound() is blank without JavaScript.`)
  }
  const { joinFlightScripts } = await import('./flight-scripts')
  endWithBuffers({
    target,
    rewrite: errorBody(documents),
    head: errorHead(documents),
    policy,
    pageText: joinFlightScripts,
  })
  const { installCacheHandler } = await import('./cache-handler')
  installCacheHandler()
  return true
}
