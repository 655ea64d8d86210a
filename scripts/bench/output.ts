/** What every bench mode records beside its figures, and how `--out` writes them. */
import { mkdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/** The machine a bench ran on: results.json's `machine`, and the report's last line. */
export interface Machine {
  cpus: number
  loadBefore: number[]
  loadAfter: number[]
  versions: Record<string, string>
}

/** The machine now, with the load average taken before the run and the tools' versions. */
export function machine(loadBefore: number[], versions: Record<string, string>): Machine {
  return {
    cpus: os.availableParallelism(),
    loadBefore,
    loadAfter: os.loadavg(),
    versions: { node: process.version, ...versions },
  }
}

/** `--out <dir>`: the results as JSON and the report as text, in a folder made if missing. */
export function writeResults(
  out: string,
  names: { json: string; text: string },
  results: unknown,
  report: string,
): void {
  mkdirSync(out, { recursive: true })
  writeFileSync(path.join(out, names.json), `${JSON.stringify(results, null, 2)}\n`)
  writeFileSync(path.join(out, names.text), `${report}\n`)
}
