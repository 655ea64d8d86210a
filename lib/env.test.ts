import { describe, expect, it } from 'vitest'
import { contentFastPath, readEnv } from './env'

describe('readEnv', () => {
  it('takes an absolute FRONT_CACHE_DIR and leaves it unset by default', () => {
    expect(readEnv({ FRONT_CACHE_DIR: '/srv/marquee/.nginx/cache' }).FRONT_CACHE_DIR).toBe(
      '/srv/marquee/.nginx/cache',
    )
    expect(readEnv({}).FRONT_CACHE_DIR).toBeUndefined()
  })

  it('names FRONT_CACHE_DIR when it is relative: the server and nginx may not share a cwd', () => {
    expect(() => readEnv({ FRONT_CACHE_DIR: '.nginx/cache' })).toThrow(
      'Invalid environment variables:\n  FRONT_CACHE_DIR: must be an absolute path',
    )
  })

  it('runs the content fast path unless CONTENT_FAST_PATH is off, and rejects other values', () => {
    expect(contentFastPath(readEnv({}))).toBe(true)
    expect(contentFastPath(readEnv({ CONTENT_FAST_PATH: 'off' }))).toBe(false)
    expect(() => readEnv({ CONTENT_FAST_PATH: 'no' })).toThrow(/CONTENT_FAST_PATH/)
  })
})
