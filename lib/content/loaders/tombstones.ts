import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { parseTombstones, TOMBSTONE_FILE } from '../tombstones'
import type { LoadContext } from './context'

export type TombstoneFile = ReturnType<typeof parseTombstones>

/** removed.yaml: optional, the stories taken down for good (410). */
export async function loadTombstones(ctx: LoadContext): Promise<TombstoneFile | undefined> {
  const text = await readFile(
    /*turbopackIgnore: true*/ path.join(ctx.root, TOMBSTONE_FILE),
    'utf8',
  ).catch(() => undefined)
  if (text === undefined) return undefined
  const tombstones = parseTombstones(text, { fast: ctx.fast })
  tombstones.issues.forEach((issue) => ctx.report(issue))
  return tombstones
}
