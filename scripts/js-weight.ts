/**
 * Counts the JavaScript a page makes a modern browser download: every <script src> in its HTML
 * except `noModule` ones (legacy polyfills that modern browsers skip), fetched and gzipped
 * (level 9). Works against any running server, so Marquee and a bare Next.js page can be
 * measured the same way in the same run (`npm run bench` uses the same count).
 *
 *   npm run measure:js -- http://127.0.0.1:3000/tv/luke-cage-season-2-set-photos [more URLs]
 */
import { z } from 'zod'
import { jsWeight } from './lib/page-weight'

const urls = z.array(z.url({ protocol: /^https?$/ })).min(1, 'give at least one page URL')

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
    const { scripts, gzipBytes } = await jsWeight(pageUrl)
    for (const script of scripts)
      console.log(`${String(script.gzipBytes).padStart(8)}  ${script.url}`)
    console.log(
      `${(gzipBytes / 1000).toFixed(1)} KB gzip in ${scripts.length} scripts: ${pageUrl}\n`,
    )
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
