import { revalidatePath } from 'next/cache'
import { checkForChangesNow } from '@/lib/content'
import { readEnv } from '@/lib/env'
import { siteRoute } from '@/lib/routes/site'
import { bearerToken, secretMatches } from '@/lib/secrets'
import { purgeFrontCache } from '@/lib/server/front-cache'
import { sharedRenderCache } from '@/lib/server/render-cache/shared.mts'

const NO_STORE = { 'Cache-Control': 'private, no-store' }

/**
 * Publishes the content library's changes at once instead of within a minute:
 * `curl -X POST -H "Authorization: Bearer $REVALIDATE_SECRET" https://site/api/revalidate`.
 * Re-reads the files and marks every page, feed and sitemap stale, so the next request to each
 * renders from the new library. Behind the nginx front (`npm run start:front`, which sets
 * FRONT_CACHE_DIR) it also purges nginx's cache, which would otherwise serve its copies for up
 * to a minute more. If that fails, the answer is a 500 that says why.
 */
export async function POST(request: Request) {
  const env = readEnv()
  const token = bearerToken(request.headers.get('authorization'))
  if (!secretMatches(token, env.REVALIDATE_SECRET)) {
    return Response.json({ error: 'unauthorized' }, { status: 401, headers: NO_STORE })
  }
  checkForChangesNow()
  const { library } = await siteRoute()
  revalidatePath('/', 'layout')
  await sharedRenderCache()
    ?.publishRevalidate()
    .catch((error: unknown) =>
      console.error(`POST /api/revalidate: the other servers were not told: ${String(error)}`),
    )
  const published = {
    revalidated: true,
    articles: library.articles.length,
    galleries: library.galleries.length,
  }
  if (!env.FRONT_CACHE_DIR) return Response.json(published, { headers: NO_STORE })
  try {
    const purged = await purgeFrontCache(env.FRONT_CACHE_DIR)
    return Response.json({ ...published, front: { purged } }, { headers: NO_STORE })
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    console.error(`POST /api/revalidate: the front's cache was not purged: ${message}`)
    return Response.json(
      { ...published, front: { error: message } },
      { status: 500, headers: NO_STORE },
    )
  }
}
