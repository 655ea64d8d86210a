import { z } from 'zod'
import { slugSchema } from '@/lib/content/schema'
import { readTombstones, type Tombstone } from '@/lib/content/tombstones'

const paramsSchema = z.object({ path: z.array(slugSchema).min(1) })

/**
 * A removed story answers 410 Gone, so search engines drop it rather than retry a 404.
 * next.config.js rewrites each path in removed.yaml here at build time (a proxy would cost every
 * request a third of its throughput); the reason is read from removed.yaml when asked.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  const parsed = paramsSchema.safeParse(await params)
  const tombstone = parsed.success
    ? (await readTombstones()).get(`/${parsed.data.path.join('/')}`)
    : undefined
  // Taken out of removed.yaml after the build: the story is not back until the next build.
  if (!tombstone) return new Response('Not found', { status: 404 })
  return new Response(gonePage(tombstone), {
    status: 410,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'public, max-age=0, s-maxage=60',
      'X-Robots-Tag': 'noindex',
    },
  })
}

const escape = (text: string) => text.replace(/[&<>"]/g, (char) => `&#${char.charCodeAt(0)};`)

function gonePage({ reason }: Tombstone): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>This story has been removed</title>
<style>body{font:18px/1.5 system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#15141a}a{color:#b3121f}@media (prefers-color-scheme:dark){body{background:#121116;color:#f1eff4}a{color:#ff6b6b}}</style>
</head><body><main><p><strong>410</strong></p><h1>This story has been removed</h1><p>${escape(reason)}</p><p><a href="/">Go to the home page</a></p></main></body></html>`
}
