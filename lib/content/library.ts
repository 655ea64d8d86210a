import path from 'node:path'
import { contentCacheDir, contentDir, contentFastPath, isBuildPhase, readEnv } from '../env'
import { checkEveryFileNext, contentRevision, contentSignature } from './speed'
import { ContentError, formatIssue, type ContentIssue } from './errors'
import { loadLibrary, type LoadOptions } from './load'
import { sharedInProcess } from './process-shared'
import { statContentFile } from './speed'
import type { Library } from './types'

/** How often a running server looks for changed content files. */
const CHECK_INTERVAL_MS = process.env.NODE_ENV === 'development' ? 0 : 5_000

interface Cached {
  root: string
  signature: string
  checkedAt: number
  library: Promise<Library>
}

let cached: Cached | undefined
/** The newest library that loaded, served while a broken change is being fixed. */
let lastGood: { root: string; library: Library; revision: number } | undefined
let reported = ''

/**
 * The validated content library, loaded once and reloaded when a content file changes.
 * During `next build` any error fails the build; a running server logs errors and serves
 * everything that is valid. One library per process, however many copies of this module the
 * bundler makes (see process-shared.ts).
 */
export function getLibrary(expected?: Expected): Promise<Library> {
  return shared().getLibrary(expected)
}

/**
 * Loads the library at server start (instrumentation.ts), so that the first request finds it
 * loaded. A failure is logged, never thrown: the server starts all the same, and the pages try
 * again and report the problems.
 */
export async function warmLibrary(): Promise<void> {
  try {
    await getLibrary()
  } catch (error) {
    console.error('[marquee] content library not loaded at server start:', error)
  }
}

/**
 * The first copy of this module's functions, both from the same copy: they share its cache, so
 * checkForChangesNow() from a route handler reaches the library the pages read.
 */
function shared() {
  return sharedInProcess('library', {
    getLibrary: getLibraryOfThisModule,
    checkForChangesNow: checkForChangesNowInThisModule,
    revision: revisionOfThisModule,
  })
}

/**
 * The revision (lib/content/speed/changes.ts, contentRevision) of the library being served, or
 * undefined until one has loaded. The shared render cache stores it with every page
 * (lib/server/render-cache/), so that no server with an older library overwrites a newer render.
 */
export function libraryRevision(): number | undefined {
  return shared().revision()
}

function revisionOfThisModule(): number | undefined {
  return lastGood?.revision
}

async function getLibraryOfThisModule(expected?: Expected): Promise<Library> {
  const env = readEnv()
  const root = contentDir(env)
  const now = Date.now()
  if (cached && cached.root === root && now - cached.checkedAt < CHECK_INTERVAL_MS) {
    const library = await cached.library
    if (!expected || !(await isNewFile(root, library, expected, cached.checkedAt))) {
      return library
    }
  }
  const fastPath = contentFastPath(env)
  const signature = await contentSignature(root, now, fastPath)
  if (cached && cached.root === root && cached.signature === signature) {
    cached.checkedAt = now
    return cached.library
  }
  const strict = isBuildPhase(env)
  // The files as they were when this load started: what its renders are made from.
  const revision = contentRevision(root) ?? 0
  const library = loadOrThrow(root, strict, { cacheDir: contentCacheDir(env), fastPath }).then(
    (loaded) => {
      lastGood = { root, library: loaded, revision }
      return loaded
    },
    (error: unknown) => {
      // A running server keeps serving the last good library rather than failing every page.
      if (!strict && lastGood?.root === root) {
        console.error(
          `[marquee] content reload failed, still serving the last good library:`,
          error,
        )
        return lastGood.library
      }
      if (cached?.library === library) cached = undefined
      throw error
    },
  )
  cached = { root, signature, checkedAt: now, library }
  return library
}

async function loadOrThrow(
  root: string,
  strict: boolean,
  options: Pick<LoadOptions, 'cacheDir' | 'fastPath'>,
): Promise<Library> {
  // A file that breaks keeps the version being served (see lastGood in load.ts); the build has
  // nothing to fall back on and fails instead.
  const previous = strict ? undefined : lastGood?.library
  const { library, issues } = await loadLibrary(root, { ...options, previous })
  const errors = issues.filter((issue) => issue.severity === 'error')
  if (!library || (strict && errors.length))
    throw new ContentError(issues, path.relative(process.cwd(), root))
  logOnce(issues, root)
  return library
}

function logOnce(issues: ContentIssue[], root: string) {
  const text = issues
    .map((issue) => formatIssue(issue, path.relative(process.cwd(), root)))
    .join('\n')
  if (text && text !== reported)
    console.error(`[marquee] content problems, skipped files:\n${text}`)
  reported = text
}

/** A story or gallery a request asks for by slug. */
export interface Expected {
  article?: string
  gallery?: string
}

/**
 * True when the request names a file that the loaded library does not have and that was saved
 * after the last look at the files: a story saved a moment ago. Looking again at once lets it
 * render on its first request instead of caching a 404 for the pages' revalidation period. One
 * stat per unknown slug; a file that was already there (and failed to load) costs no reload.
 */
async function isNewFile(root: string, library: Library, expected: Expected, checkedAt: number) {
  const file = expected.article
    ? !library.articleBySlug.has(expected.article) && `articles/${expected.article}.md`
    : expected.gallery &&
      !library.galleryBySlug.has(expected.gallery) &&
      `galleries/${expected.gallery}.yaml`
  if (!file) return false
  const stamp = await statContentFile(path.join(root, file))
  return stamp !== undefined && stamp.mtimeMs >= checkedAt
}

/**
 * Makes the next getLibrary() look at the files at once instead of within CHECK_INTERVAL_MS:
 * for POST /api/revalidate, which an editor's tool calls right after saving.
 */
export function checkForChangesNow(): void {
  shared().checkForChangesNow()
}

function checkForChangesNowInThisModule(): void {
  if (!cached) return
  cached.checkedAt = -Infinity
  checkEveryFileNext(cached.root)
}
