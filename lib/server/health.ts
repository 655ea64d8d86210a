/**
 * Whether this server should be sent readers (GET /api/health): its library loaded, its render
 * cache reachable, and not stopping. The front's supervisor (`npm run start:front`) waits for it
 * before it counts an instance as up.
 */
import { sharedRenderCache } from './render-cache/shared.mts'

const DRAINING = Symbol.for('marquee:draining')

/** From SIGTERM on: the server finishes what it has and exits (instrumentation.ts). */
export function markDraining(): void {
  ;(globalThis as { [key: symbol]: unknown })[DRAINING] = true
}

export interface Health {
  status: 'ok' | 'starting' | 'draining' | 'cache unreachable'
  pid: number
  /** The served library's revision (lib/content/library.ts, libraryRevision). */
  revision?: number
  cache: 'redis' | 'file system'
}

export function health(revision: number | undefined): Health {
  const shared = sharedRenderCache()
  const base = { pid: process.pid, revision, cache: shared ? 'redis' : 'file system' } as const
  if ((globalThis as { [key: symbol]: unknown })[DRAINING]) return { ...base, status: 'draining' }
  if (revision === undefined) return { ...base, status: 'starting' }
  if (shared && !shared.ready()) return { ...base, status: 'cache unreachable' }
  return { ...base, status: 'ok' }
}
