import { draftMode } from 'next/headers'
import { redirect } from 'next/navigation'
import { badRequest } from '@/lib/api/bad-request'
import { readEnv } from '@/lib/env'
import { previewQuery } from '@/lib/preview'
import { secretMatches } from '@/lib/secrets'

const NO_STORE = { 'Cache-Control': 'private, no-store' }

/**
 * Enters preview: `/api/preview?secret=…&path=/tv/my-draft`. A wrong or missing secret answers
 * 401 and says nothing about the content; the right one sets Next's draft-mode cookie and
 * sends the editor to the path.
 */
export async function GET(request: Request) {
  const params = Object.fromEntries(new URL(request.url).searchParams)
  const query = previewQuery.safeParse(params)
  if (!secretMatches(query.data?.secret ?? params.secret, readEnv().PREVIEW_SECRET)) {
    return Response.json({ error: 'unauthorized' }, { status: 401, headers: NO_STORE })
  }
  if (!query.success) return badRequest(query.error, NO_STORE)
  ;(await draftMode()).enable()
  redirect(query.data.path)
}
