/** What reading a body within a limit gave: its text, or why there is none. */
export type BodyRead =
  | { ok: true; text: string }
  | { ok: false; reason: 'too-large' }
  | { ok: false; reason: 'unreadable'; message: string }

/**
 * Reads a request's body as UTF-8 text, stopping as soon as it passes `limit` bytes. A
 * `Content-Length` over the limit is refused before reading; a smaller or missing one is not
 * trusted (a chunked body has none), so the bytes are counted as they arrive.
 */
export async function readBodyWithin(request: Request, limit: number): Promise<BodyRead> {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN)
  if (declared > limit) return { ok: false, reason: 'too-large' }
  if (!request.body) return { ok: true, text: '' }
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      size += value.byteLength
      if (size > limit) {
        // The rest is never read: the client may keep sending, and we need none of it.
        await reader.cancel().catch(() => undefined)
        return { ok: false, reason: 'too-large' }
      }
      chunks.push(value)
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return { ok: false, reason: 'unreadable', message }
  }
  return { ok: true, text: new TextDecoder().decode(Buffer.concat(chunks)) }
}
