import path from 'node:path'
import { contentDir, isBuildPhase, readEnv } from '../env'
import { contentSignature } from './changes'
import { ContentError, formatIssue, type ContentIssue } from './errors'
import { loadLibrary } from './load'
import { sharedInProcess } from './process-shared'
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
let lastGood: { root: string; library: Library } | undefined
let reported = ''

/**
 * The validated content library, loaded once and reloaded when a content file changes.
 * During `next build` any error fails the build; a running server logs errors and serves
 * everything that is valid. One library per process, however many copies of this module the
 * bundler makes (see process-shared.ts).
 */
export function getLibrary(): Promise<Library> {
  return sharedInProcess('getLibrary', getLibraryOfThisModule)()
}

async function getLibraryOfThisModule(): Promise<Library> {
  const env = readEnv()
  const root = contentDir(env)
  const now = Date.now()
  if (cached && cached.root === root && now - cached.checkedAt < CHECK_INTERVAL_MS) {
    return cached.library
  }
  const signature = await librarySignature(root)
  if (cached && cached.root === root && cached.signature === signature) {
    cached.checkedAt = now
    return cached.library
  }
  const strict = isBuildPhase(env)
  const library = loadOrThrow(root, strict).then(
    (loaded) => {
      lastGood = { root, library: loaded }
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

async function loadOrThrow(root: string, strict: boolean): Promise<Library> {
  const { library, issues } = await loadLibrary(root)
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

/** Changes when a content file is added, removed or edited (see changes.ts). */
function librarySignature(root: string): Promise<string> {
  return contentSignature(root)
}
