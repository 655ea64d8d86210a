/**
 * Times loadLibrary on a library in this (fresh) process: the cold load of the content index.
 *
 *   npx tsx scripts/measure/load.ts /work/synth/10k [runs]
 *   CONTENT_CACHE_DIR=/tmp/marquee-cache npx tsx scripts/measure/load.ts /work/synth/10k [runs]
 *   CONTENT_FAST_PATH=off npx tsx scripts/measure/load.ts /work/synth/10k   # the plain path
 *
 * Each run after the first is in the same process (warm JIT, files in the page cache); the
 * first is what a server start or a build worker pays. Without CONTENT_CACHE_DIR every file is
 * read and parsed; with it, the on-disk cache of per-file results (lib/content/speed/file-cache.ts)
 * is read and written there: empty it for a cold cache.
 */
import os from 'node:os'
import path from 'node:path'
import { loadLibrary } from '../../lib/content/load'
import { contentCacheDir, contentFastPath, readEnv } from '../../lib/env'

async function main() {
  const root = path.resolve(process.argv[2] ?? 'content')
  const runs = Number(process.argv[3] ?? 1)
  const env = readEnv()
  const cacheDir = env.CONTENT_CACHE_DIR ? contentCacheDir(env) : undefined
  const fastPath = contentFastPath(env)
  for (let run = 1; run <= runs; run++) {
    const cpu = process.cpuUsage()
    const started = performance.now()
    const { library, issues } = await loadLibrary(root, { cacheDir, fastPath })
    const ms = performance.now() - started
    const used = process.cpuUsage(cpu)
    const memory = process.memoryUsage()
    console.log(
      JSON.stringify({
        run,
        ms: Math.round(ms),
        cpuMs: Math.round((used.user + used.system) / 1000),
        articles: library?.articles.length,
        cache: cacheDir ?? 'none',
        fastPath,
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
