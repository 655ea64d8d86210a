import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { contentDir } from '../env'
import { formatIssue } from './errors'
import { parseYaml, validate, type ParseOptions } from './parse'
import { tombstonesSchema } from './schema'

export interface Tombstone {
  path: string
  removedAt: string
  reason: string
}

export const TOMBSTONE_FILE = 'removed.yaml'
const CHECK_INTERVAL_MS = 5_000

/** Parses and validates removed.yaml; `source` can say on which line each entry sits. */
export function parseTombstones(text: string, options: ParseOptions = {}) {
  const source = parseYaml(text, TOMBSTONE_FILE, 1, options)
  return { source, ...validate(tombstonesSchema, source, TOMBSTONE_FILE) }
}

let cached:
  { file: string; mtimeMs: number; checkedAt: number; byPath: Map<string, Tombstone> } | undefined

/**
 * Stories removed for good, read from removed.yaml (optional) and re-read when it changes.
 * Kept apart from the full library so app/api/gone can answer 410 without loading everything.
 */
export async function readTombstones(root = contentDir()): Promise<Map<string, Tombstone>> {
  const file = path.join(root, TOMBSTONE_FILE)
  const now = Date.now()
  if (cached?.file === file && now - cached.checkedAt < CHECK_INTERVAL_MS) return cached.byPath
  const info = await stat(/*turbopackIgnore: true*/ file).catch(() => undefined)
  const mtimeMs = info?.mtimeMs ?? -1
  if (cached?.file === file && cached.mtimeMs === mtimeMs) {
    cached.checkedAt = now
    return cached.byPath
  }
  const byPath = new Map<string, Tombstone>()
  if (info) {
    const text = await readFile(/*turbopackIgnore: true*/ file, 'utf8')
    const { value, issues } = parseTombstones(text)
    issues.forEach((issue) => console.error(`[marquee] ${formatIssue(issue)}`))
    value?.forEach((tombstone) => byPath.set(tombstone.path, tombstone))
  }
  cached = { file, mtimeMs, checkedAt: now, byPath }
  return byPath
}
