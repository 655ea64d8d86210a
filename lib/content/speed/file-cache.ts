/**
 * Per-file load results kept on disk between processes, so a server start (or a reload after
 * one edit) reads only the files that changed. An entry is used while its file has the same
 * path, size and modification time, and only by a loader of the same CACHE_VERSION. Only what
 * follows from a file's bytes alone may be cached (see article-file.ts).
 *
 * The entries are split over SHARDS files by path: a reload after one edit rewrites one shard,
 * not the whole cache. A shard is written to a temporary file and renamed over the old one, so
 * a reader sees a whole shard or none; one that is corrupt, unreadable or of another version is
 * ignored (logged once per process) and rewritten, never fatal.
 */
import { createHash } from 'node:crypto'
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { z } from 'zod'
import { readContentFile, statContentFile, type FileStamp } from './read'

/**
 * Bump it whenever a change could alter what is cached (article-file.ts and everything it
 * calls, or the packages it uses): file-cache.test.ts fails until you do.
 */
export const CACHE_VERSION = 5
export const SHARDS = 64
/**
 * A file modified this shortly before the load is read but not cached: file systems keep the
 * time in steps (from a few milliseconds to 2 s), and an edit within the same step that keeps the
 * size would otherwise be served from the cache.
 */
export const RACY_MS = 2_000

export interface FileCache<T> {
  /**
   * The result for a file of the library (a path relative to its root): the cached one while the
   * file is unchanged, else `compute` on its text. Rejects when the file cannot be read.
   */
  get(file: string, compute: (text: string) => T): Promise<T>
  /** Writes the shards that changed; a failure is logged, never thrown. */
  save(): Promise<void>
}

interface Entry extends FileStamp {
  value: unknown
}

const shardSchema = z.object({
  version: z.number(),
  root: z.string(),
  entries: z.custom<Record<string, unknown>>(
    (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
  ),
})

function isEntry(value: unknown): value is Entry {
  const entry = value as Partial<Entry> | undefined
  return typeof entry?.size === 'number' && typeof entry.mtimeMs === 'number' && 'value' in entry
}

const warned = new Set<string>()

function warnOnce(folder: string, message: string) {
  if (warned.has(folder)) return
  warned.add(folder)
  console.warn(`[marquee] content cache ${folder}: ${message}`)
}

/** Cache folder of one library (by its absolute root) and one kind of file. */
export function cacheFolder(dir: string, root: string, kind: string): string {
  const hash = createHash('sha256').update(root).digest('hex').slice(0, 16)
  return path.join(dir, `${kind}-${hash}`)
}

/** FNV-1a: a stable shard for each path. */
function shardOf(file: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < file.length; i++) hash = Math.imul(hash ^ file.charCodeAt(i), 0x01000193)
  return (hash >>> 0) % SHARDS
}

/** Without a folder (`dir` undefined) every file is read and computed: no cache at all. */
export async function openFileCache<T>(
  dir: string | undefined,
  root: string,
  kind: string,
): Promise<FileCache<T>> {
  if (!dir) {
    return {
      get: async (file, compute) =>
        compute(await readContentFile(/*turbopackIgnore: true*/ path.join(root, file))),
      save: async () => {},
    }
  }
  const folder = cacheFolder(dir, root, kind)
  const startedAt = Date.now()
  const stored = await Promise.all(
    Array.from({ length: SHARDS }, (_, shard) => readShard(folder, shard, root)),
  )
  /** What each shard will hold: the entries used by this load and the ones it computed. */
  const kept = stored.map(() => new Map<string, Entry>())
  const dirty = stored.map((shard) => shard === 'invalid')

  return {
    async get(file, compute) {
      const full = path.join(root, file)
      const shard = shardOf(file)
      const stamp = await statContentFile(full)
      const known = stored[shard]
      const entry = known instanceof Map ? known.get(file) : undefined
      if (stamp && entry && entry.size === stamp.size && entry.mtimeMs === stamp.mtimeMs) {
        kept[shard]?.set(file, entry)
        return entry.value as T
      }
      dirty[shard] = true
      const value = compute(await readContentFile(/*turbopackIgnore: true*/ full))
      if (stamp && stamp.mtimeMs < startedAt - RACY_MS) kept[shard]?.set(file, { ...stamp, value })
      return value
    },
    async save() {
      const changed = kept.flatMap((entries, shard) => {
        const known = stored[shard]
        const before = known instanceof Map ? known.size : 0
        return dirty[shard] || entries.size !== before ? [shard] : []
      })
      if (!changed.length) return
      try {
        await mkdir(folder, { recursive: true })
        await Promise.all(
          changed.map((shard) => writeShard(folder, shard, root, kept[shard] ?? new Map())),
        )
      } catch (error) {
        warnOnce(folder, `not written (${String(error)}); the next load reads every file again`)
      }
    },
  }
}

function shardFile(folder: string, shard: number): string {
  return path.join(folder, `${String(shard).padStart(2, '0')}.json`)
}

/** The entries of a shard; 'invalid' for one that must be rewritten. */
async function readShard(
  folder: string,
  shard: number,
  root: string,
): Promise<Map<string, Entry> | 'invalid' | undefined> {
  let text: string
  try {
    text = await readFile(/*turbopackIgnore: true*/ shardFile(folder, shard), 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    warnOnce(folder, `unreadable, ignored and rebuilt (${String(error)})`)
    return 'invalid'
  }
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    warnOnce(folder, `shard ${shard} is not valid JSON, ignored and rebuilt`)
    return 'invalid'
  }
  const parsed = shardSchema.safeParse(data)
  if (!parsed.success || parsed.data.root !== root) {
    warnOnce(folder, `shard ${shard} is not a cache of this library, ignored and rebuilt`)
    return 'invalid'
  }
  if (parsed.data.version !== CACHE_VERSION) {
    warnOnce(folder, `written by another version of the loader, ignored and rebuilt`)
    return 'invalid'
  }
  const entries = new Map<string, Entry>()
  for (const [file, entry] of Object.entries(parsed.data.entries)) {
    if (isEntry(entry)) entries.set(file, entry)
  }
  return entries
}

let written = 0

async function writeShard(
  folder: string,
  shard: number,
  root: string,
  entries: Map<string, Entry>,
) {
  const file = shardFile(folder, shard)
  const temporary = `${file}.${process.pid}.${++written}.tmp`
  const data = { version: CACHE_VERSION, root, entries: Object.fromEntries(entries) }
  try {
    await writeFile(/*turbopackIgnore: true*/ temporary, JSON.stringify(data))
    await rename(/*turbopackIgnore: true*/ temporary, file)
  } catch (error) {
    await rm(/*turbopackIgnore: true*/ temporary, { force: true })
    throw error
  }
}
