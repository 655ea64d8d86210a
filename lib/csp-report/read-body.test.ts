import { describe, expect, it } from 'vitest'
import { readBodyWithin } from './read-body'

/** A POST whose body arrives in the given chunks, without a Content-Length unless given. */
function streamed(chunks: string[], headers: Record<string, string> = {}): Request {
  const encoder = new TextEncoder()
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk))
      controller.close()
    },
  })
  return new Request('http://x/', { method: 'POST', body, headers, duplex: 'half' } as RequestInit)
}

describe('readBodyWithin', () => {
  it('reads a body within the limit as text', async () => {
    expect(await readBodyWithin(streamed(['{"a":', '"é"}']), 100)).toEqual({
      ok: true,
      text: '{"a":"é"}',
    })
  })

  it('counts bytes, not characters', async () => {
    // Four characters, eight bytes.
    expect(await readBodyWithin(streamed(['éééé']), 7)).toEqual({ ok: false, reason: 'too-large' })
  })

  it('refuses a declared Content-Length over the limit without reading', async () => {
    const request = streamed(['{}'], { 'content-length': '20000' })
    expect(await readBodyWithin(request, 16_384)).toEqual({ ok: false, reason: 'too-large' })
    expect(request.bodyUsed).toBe(false)
  })

  it('stops at the limit when the Content-Length understates the body', async () => {
    const request = streamed(['x'.repeat(10), 'x'.repeat(10)], { 'content-length': '5' })
    expect(await readBodyWithin(request, 15)).toEqual({ ok: false, reason: 'too-large' })
  })

  it('stops at the limit of a body that never ends', async () => {
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(new Uint8Array(1024))
      },
    })
    const request = new Request('http://x/', {
      method: 'POST',
      body,
      duplex: 'half',
    } as RequestInit)
    expect(await readBodyWithin(request, 16_384)).toEqual({ ok: false, reason: 'too-large' })
  })

  it('says why when the body breaks off', async () => {
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.error(new Error('connection reset'))
      },
    })
    const request = new Request('http://x/', {
      method: 'POST',
      body,
      duplex: 'half',
    } as RequestInit)
    expect(await readBodyWithin(request, 100)).toEqual({
      ok: false,
      reason: 'unreadable',
      message: 'connection reset',
    })
  })

  it('reads a missing body as empty text', async () => {
    expect(await readBodyWithin(new Request('http://x/', { method: 'POST' }), 100)).toEqual({
      ok: true,
      text: '',
    })
  })
})
