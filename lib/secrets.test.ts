import { describe, expect, it } from 'vitest'
import { bearerToken, secretMatches } from './secrets'

describe('secretMatches', () => {
  const SECRET = 'a-long-preview-secret'

  it('accepts the configured secret', () => {
    expect(secretMatches(SECRET, SECRET)).toBe(true)
  })

  it.each([
    ['a wrong secret', 'a-long-preview-secreT'],
    ['a prefix', 'a-long-preview'],
    ['a longer string', `${SECRET}x`],
    ['an empty string', ''],
    ['nothing', null],
  ])('rejects %s', (_, given) => {
    expect(secretMatches(given, SECRET)).toBe(false)
  })

  it('rejects everything when no secret is configured', () => {
    expect(secretMatches('', undefined)).toBe(false)
    expect(secretMatches('anything', undefined)).toBe(false)
  })
})

describe('bearerToken', () => {
  it.each([
    ['Bearer abc', 'abc'],
    ['bearer   abc ', 'abc'],
    ['Basic abc', undefined],
    ['Bearer', undefined],
    [null, undefined],
  ])('%j → %j', (header, token) => {
    expect(bearerToken(header)).toBe(token)
  })
})
