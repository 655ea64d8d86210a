import { draftMode } from 'next/headers'

/** Leaves preview (the banner's button posts here) and returns to the home page. */
export async function POST() {
  ;(await draftMode()).disable()
  return new Response(null, {
    status: 303,
    headers: { Location: '/', 'Cache-Control': 'private, no-store' },
  })
}
