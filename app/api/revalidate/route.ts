import { revalidatePath } from 'next/cache'
import { checkForChangesNow, getLibrary } from '@/lib/content'
import { readEnv } from '@/lib/env'
import { bearerToken, secretMatches } from '@/lib/secrets'

const NO_STORE = { 'Cache-Control': 'private, no-store' }

/**
 * Publishes the content library's changes at once instead of within a minute:
 * `curl -X POST -H "Authorization: Bearer $REVALIDATE_SECRET" https://site/api/revalidate`.
 * Re-reads the files and marks every page, feed and sitemap stale, so the next request to each
 * renders from the new library.
 */
export async function POST(request: Request) {
  const token = bearerToken(request.headers.get('authorization'))
  if (!secretMatches(token, readEnv().REVALIDATE_SECRET)) {
    return Response.json({ error: 'unauthorized' }, { status: 401, headers: NO_STORE })
  }
  checkForChangesNow()
  const library = await getLibrary()
  revalidatePath('/', 'layout')
  return Response.json(
    { revalidated: true, articles: library.articles.length, galleries: library.galleries.length },
    { headers: NO_STORE },
  )
}
