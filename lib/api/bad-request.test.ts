import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { badRequest, refusedRequest } from './bad-request'

const schema = z.object({
  q: z.string().min(1, 'q must not be empty'),
  filter: z.object({ tags: z.array(z.string().regex(/^[a-z]+$/, 'tags are lower-case words')) }),
})

describe('badRequest', () => {
  it('answers 400 JSON listing every issue by its dotted path, not cached', async () => {
    const parsed = schema.safeParse({ q: '', filter: { tags: ['ok', 'Bad'] } })
    if (parsed.success) throw new Error('the input should have been rejected')
    const response = badRequest(parsed.error)
    expect(response.status).toBe(400)
    expect(response.headers.get('Content-Type')).toMatch(/^application\/json/)
    expect(response.headers.get('Cache-Control')).toBe('no-store')
    expect(await response.json()).toEqual({
      error: 'invalid_request',
      issues: [
        { path: 'q', message: 'q must not be empty' },
        { path: 'filter.tags.1', message: 'tags are lower-case words' },
      ],
    })
  })

  it('keeps the headers a route gives instead of the default', () => {
    const parsed = z.string().safeParse(1)
    if (parsed.success) throw new Error('the input should have been rejected')
    const response = badRequest(parsed.error, { 'Cache-Control': 'private, no-store' })
    expect(response.headers.get('Cache-Control')).toBe('private, no-store')
  })

  it('names the whole input with an empty path', async () => {
    const parsed = z.string().safeParse(1)
    if (parsed.success) throw new Error('the input should have been rejected')
    const body = (await badRequest(parsed.error).json()) as { issues: { path: string }[] }
    expect(body.issues.map((issue) => issue.path)).toEqual([''])
  })
})

describe('refusedRequest', () => {
  it('answers the given status with the same body shape, not cached', async () => {
    const response = refusedRequest(413, [{ path: '', message: 'too large' }])
    expect(response.status).toBe(413)
    expect(response.headers.get('Cache-Control')).toBe('no-store')
    expect(await response.json()).toEqual({
      error: 'invalid_request',
      issues: [{ path: '', message: 'too large' }],
    })
  })
})
