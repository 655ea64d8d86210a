import { describe, expect, it } from 'vitest'
import {
  articleParams,
  categoryPageParams,
  pageNumberSchema,
  parseParams,
  slugPageParams,
} from './params'

/** What notFound() throws: Next turns it into a 404 page. */
const NOT_FOUND = expect.objectContaining({ digest: expect.stringMatching(/;404$/) })

describe('pageNumberSchema', () => {
  it.each([
    ['1', 1],
    ['2', 2],
    ['10', 10],
    ['999999', 999999],
  ])('accepts %s as page %i', (text, page) => {
    expect(pageNumberSchema.parse(text)).toBe(page)
  })

  it.each(['0', '-1', '01', '1.5', 'abc', '', ' 1', '1 ', '+1', '1e3', '0x1', '1000000'])(
    'rejects %j',
    (text) => {
      expect(pageNumberSchema.safeParse(text).success).toBe(false)
    },
  )
})

describe('parseParams', () => {
  it('returns typed params with the page number as a number', async () => {
    await expect(
      parseParams(Promise.resolve({ category: 'tv', n: '2' }), categoryPageParams),
    ).resolves.toEqual({ category: 'tv', n: 2 })
  })

  it.each([
    [{ category: 'tv', n: '0' }],
    [{ category: 'tv', n: '01' }],
    [{ category: 'tv', n: 'abc' }],
    [{ category: 'TV', n: '2' }],
    [{ category: 'tv' }],
  ])('answers %o with a 404, not a 500', async (params) => {
    await expect(parseParams(Promise.resolve(params), categoryPageParams)).rejects.toEqual(
      NOT_FOUND,
    )
  })

  it('answers an article slug that is not a slug with a 404', async () => {
    const params = Promise.resolve({ category: 'tv', slug: '../etc/passwd' })
    await expect(parseParams(params, articleParams)).rejects.toEqual(NOT_FOUND)
  })

  it('accepts a gallery photo number', async () => {
    await expect(
      parseParams(Promise.resolve({ slug: 'set-photos', n: '3' }), slugPageParams),
    ).resolves.toEqual({ slug: 'set-photos', n: 3 })
  })
})
