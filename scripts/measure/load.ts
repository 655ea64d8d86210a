/**
 * Times loadLibrary on a library in this (fresh) process: the cold load of the content index.
 *
 *   npx tsx scripts/measure/load.ts /work/synth/10k [runs]
 *
 * Each run after the first is in the same process (warm JIT, files in the page cache); the
 * first is what a server start or a build worker pays.
 */
import os from 'node:os'
import path from 'node:path'
import { loadLibrary } from '../../lib/content/load'

async function main() {
  const root = path.resolve(process.argv[2] ?? 'content')
  const runs = Number(process.argv[3] ?? 1)
  for (let run = 1; run <= runs; run++) {
    const cpu = process.cpuUsage()
    const started = performance.now()
    const { library, issues } = await loadLibrary(root)
    const ms = performance.now() - started
    const used = process.cpuUsage(cpu)
    const memory = process.memoryUsage()
    console.log(
      JSON.stringify({
        run,
        ms: Math.round(ms),
        cpuMs: Math.round((used.user + used.system) / 1000),
        articles: library?.articles.length,
        issues: issues.length,
        heapMiB: Math.round(memory.heapUsed / 2 ** 20),
        rssMiB: Math.round(memory.rss / 2 ** 20),
        load: os.loadavg()[0]?.toFixed(2),
      }),
    )
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
