import { libraryRevision } from '@/lib/content'
import { health } from '@/lib/server/health'

export const dynamic = 'force-dynamic'

/**
 * 200 when this server is ready for readers (its library loaded, its render cache reachable),
 * 503 while it starts, while it stops (after SIGTERM) and while its Redis cannot be reached;
 * the body says which (lib/server/health.ts).
 */
export function GET() {
  const body = health(libraryRevision())
  return Response.json(body, {
    status: body.status === 'ok' ? 200 : 503,
    headers: { 'Cache-Control': 'no-store' },
  })
}
