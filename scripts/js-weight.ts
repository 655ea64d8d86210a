/**
 * Counts the JavaScript a page makes a modern browser download: every <script src> in its HTML
 * except `noModule` ones (legacy polyfills that modern browsers skip), fetched and gzipped
 * (level 9). Works against any running server, so Marquee and a bare Next.js page can be
 * measured the same way in the same run.
 *
 *   npm run measure:js -- http://127.0.0.1:3000/tv/luke-cage-season-2-set-photos [more URLs]
 */
import { gzipSync } from 'node:zlib'
import { z } from 'zod'

const urls = z.array(z.url({ protocol: /^https?$/ })).min(1, 'give at least one page URL')

async function scriptsOf(pageUrl: string): Promise<string[]> {
  const response = await fetch(pageUrl)
  if (!response.ok) throw new Error(`${pageUrl} answered ${response.status}`)
  const html = await response.text()
  const sources = [...html.matchAll(/<script\b[^>]*>/g)]
    .map((match) => match[0])
    .filter((tag) => !/\snomodule\b/i.test(tag))
    .map((tag) => /\ssrc="([^"]+)"/.exec(tag)?.[1])
    .filter((src) => src !== undefined)
  return [...new Set(sources)].map((src) => new URL(src, pageUrl).href)
}

async function gzipBytes(url: string): Promise<number> {
  const response = await fetch(url)
  if (!response.ok) throw new Error(`${url} answered ${response.status}`)
  return gzipSync(Buffer.from(await response.arrayBuffer()), { level: 9 }).length
}

async function main() {
  const parsed = urls.safeParse(process.argv.slice(2))
  if (!parsed.success) {
    console.error(
      `usage: npm run measure:js -- <page URL> [...]\n${parsed.error.issues[0]?.message}`,
    )
    process.exitCode = 2
    return
  }
  for (const pageUrl of parsed.data) {
    const scripts = await scriptsOf(pageUrl)
    const sizes = await Promise.all(scripts.map(gzipBytes))
    scripts.forEach((script, index) =>
      console.log(`${String(sizes[index]).padStart(8)}  ${script}`),
    )
    const total = sizes.reduce((sum, size) => sum + size, 0)
    console.log(`${(total / 1000).toFixed(1)} KB gzip in ${scripts.length} scripts: ${pageUrl}\n`)
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
