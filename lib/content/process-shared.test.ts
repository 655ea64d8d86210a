import { afterEach, describe, expect, it, vi } from 'vitest'
import { sharedInProcess } from './process-shared'

afterEach(() => vi.unstubAllEnvs())

describe('sharedInProcess', () => {
  it('gives every copy of a module the first value in production', () => {
    vi.stubEnv('NODE_ENV', 'production')
    const first = () => 'first copy'
    const second = () => 'second copy'
    expect(sharedInProcess('test-shared', first)).toBe(first)
    expect(sharedInProcess('test-shared', second)).toBe(first)
  })

  it('keeps each value elsewhere', () => {
    vi.stubEnv('NODE_ENV', 'test')
    const own = () => 'own'
    expect(sharedInProcess('test-own', own)).toBe(own)
    expect(sharedInProcess('test-own', () => 'other')).not.toBe(own)
  })
})
