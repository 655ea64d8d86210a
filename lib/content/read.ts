/**
 * Reads content files with a bounded number open at once. A library load asks for every file
 * together; at 100,000 stories that ran past the open-file limit (EMFILE), and every file past
 * it was reported "missing or unreadable".
 */
import { readFile } from 'node:fs/promises'

/** Files read at the same time; more only queue in libuv's four threads anyway. */
export const MAX_OPEN_FILES = 64

let open = 0
/** Readers waiting for a turn, oldest first from `next` (no shift(): 100,000 can wait). */
let waiting: (() => void)[] = []
let next = 0

export async function readContentFile(file: string): Promise<string> {
  if (open >= MAX_OPEN_FILES) await new Promise<void>((resolve) => waiting.push(resolve))
  open++
  try {
    return await readFile(/*turbopackIgnore: true*/ file, 'utf8')
  } finally {
    open--
    const turn = waiting[next]
    if (turn) {
      next++
      turn()
    }
    if (next === waiting.length) {
      waiting = []
      next = 0
    }
  }
}
