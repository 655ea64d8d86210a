/**
 * Asks a running server (`next start`) for stories it has never rendered, one at a time, and
 * reports each time to the full response and the median and 90th percentile. The stories are
 * the library's oldest (prerendering covers the newest), spread over its whole list.
 *
 *   CONTENT_DIR=/work/synth/10k npx tsx scripts/measure/requests.ts \
 *     --base http://127.0.0.1:3510 --count 30 [--skip 0]
 *
 * --skip takes stories further along, so a second run asks for other never-rendered pages.
 */
import { parseArgs } from 'node:util'
import { publishedArticles } from '../../lib/content'
import { loadLibrary } from '../../lib/content/load'
import { contentDir } from '../../lib/env'
import { PRERENDER } from '../../lib/prerender'

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  return sorted[Math.max(0, index)] ?? NaN
}

async function main() {
  const { values } = parseArgs({
    options: {
      base: { type: 'string', default: 'http://127.0.0.1:3510' },
      count: { type: 'string', default: '30' },
      skip: { type: 'string', default: '0' },
    },
  })
  const count = Number(values.count)
  const skip = Number(values.skip)
  const { library } = await loadLibrary(contentDir())
  if (!library) throw new Error('the library does not load')
  const cold = publishedArticles(library).slice(PRERENDER.articles)
  const step = Math.max(1, Math.floor(cold.length / (count + skip + 1)))
  const chosen = Array.from({ length: count }, (_, i) => cold[(i + skip + 1) * step]).filter(
    (article) => article !== undefined,
  )
  const times: number[] = []
  for (const article of chosen) {
    const started = performance.now()
    const response = await fetch(new URL(article.url, values.base))
    const body = await response.text()
    const ms = performance.now() - started
    times.push(ms)
    console.log(
      `${ms.toFixed(0).padStart(6)} ms  ${response.status}  ${response.headers.get('x-nextjs-cache') ?? '-'}  ` +
        `${(body.length / 1024).toFixed(0)} KiB  ${article.url}`,
    )
  }
  const sorted = [...times].sort((a, b) => a - b)
  console.log(
    `first requests: ${times.length}, p50 ${percentile(sorted, 50).toFixed(0)} ms, ` +
      `p90 ${percentile(sorted, 90).toFixed(0)} ms, min ${sorted[0]?.toFixed(0)} ms, ` +
      `max ${sorted.at(-1)?.toFixed(0)} ms`,
  )
  const again = chosen[0]
  if (again) {
    const started = performance.now()
    const response = await fetch(new URL(again.url, values.base))
    await response.text()
    console.log(
      `again: ${(performance.now() - started).toFixed(0)} ms, x-nextjs-cache ` +
        `${response.headers.get('x-nextjs-cache') ?? '-'} (${again.url})`,
    )
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
