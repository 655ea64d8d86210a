/**
 * Reads and stats content files, one at a time, in short synchronous turns. A library load asks
 * for every file together: with fs/promises each file cost four round trips through the thread
 * pool and a FileHandle (open, fstat, read, close: a sixth of a 10,000-story load, and at
 * 100,000 stories the open files ran past the limit, EMFILE). A synchronous read is one call and
 * keeps a single file open; the turns end after TURN_MS so a running server still answers
 * requests while a reload reads.
 */
import { readFileSync, statSync } from 'node:fs'

/** How long one turn may hold the event loop. */
export const TURN_MS = 4

export interface FileStamp {
  size: number
  mtimeMs: number
}

interface Job {
  run: () => unknown
  resolve: (value: never) => void
  reject: (error: unknown) => void
}

/** Jobs waiting for a turn, oldest first from `next` (no shift(): 100,000 can wait). */
let queue: Job[] = []
let next = 0
let scheduled = false

function inTurn<T>(run: () => T): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    queue.push({ run, resolve: resolve as (value: never) => void, reject })
    if (!scheduled) {
      scheduled = true
      setImmediate(turn)
    }
  })
}

function turn() {
  const until = performance.now() + TURN_MS
  while (next < queue.length && performance.now() < until) {
    const job = queue[next++]!
    try {
      job.resolve(job.run() as never)
    } catch (error) {
      job.reject(error)
    }
  }
  if (next < queue.length) {
    setImmediate(turn)
    return
  }
  queue = []
  next = 0
  scheduled = false
}

export function readContentFile(file: string): Promise<string> {
  return inTurn(() => readFileSync(/*turbopackIgnore: true*/ file, 'utf8'))
}

/** The size and modification time of a file; undefined when it is missing or unreadable. */
export function statContentFile(file: string): Promise<FileStamp | undefined> {
  return inTurn(() => {
    try {
      const info = statSync(/*turbopackIgnore: true*/ file, { throwIfNoEntry: false })
      return info?.isFile() ? { size: info.size, mtimeMs: info.mtimeMs } : undefined
    } catch {
      return undefined
    }
  })
}
