import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type * as content from '@/lib/content'
import type { Library } from '@/lib/content'
import { createTestLibrary, removeTestLibraries } from '@/lib/content/test-library'
import { articleRoute } from './article'
import { galleryRoute, photoRoute } from './gallery'
import { categoryPageRoute, categoryRoute, topicPageRoute } from './hubs'

let library: Library
let preview = false

vi.mock('@/lib/preview', () => ({ isPreview: async () => preview }))
vi.mock('@/lib/content', async (original) => ({
  ...(await original<typeof content>()),
  getLibrary: async () => library,
}))

beforeAll(async () => {
  const content = await createTestLibrary({ articles: false })
  await content.writeArticle('new-home', { redirectFrom: ['old-home'] })
  await content.writeArticle('draft-story', { draft: true })
  await content.writeGallery('set-photos')
  await content.writeGallery('draft-gallery', { draft: true })
  await content.edit(
    'categories.yaml',
    '- slug: movies\n',
    '- slug: movies\n  redirectFrom: [film]\n',
  )
  const result = await content.load()
  if (!result.library || result.issues.some((issue) => issue.severity === 'error')) {
    throw new Error('the test library is not clean')
  }
  library = result.library
})

afterAll(removeTestLibraries)

beforeEach(() => {
  preview = false
})

const at = (params: object) => Promise.resolve(params)

describe('articleRoute', () => {
  it('finds a story at its own address', async () => {
    const outcome = await articleRoute.lookup(at({ category: 'tv', slug: 'new-home' }))
    expect('found' in outcome && outcome.found.article.slug).toBe('new-home')
  })

  it('moves an old slug and a wrong section to the story’s address', async () => {
    for (const params of [
      { category: 'tv', slug: 'old-home' },
      { category: 'movies', slug: 'new-home' },
    ]) {
      expect(await articleRoute.lookup(at(params))).toEqual({ movedTo: '/tv/new-home' })
    }
  })

  it('shows a draft only in preview', async () => {
    const params = { category: 'tv', slug: 'draft-story' }
    expect(await articleRoute.lookup(at(params))).toEqual({ missing: true })
    preview = true
    expect('found' in (await articleRoute.lookup(at(params)))).toBe(true)
  })

  it('has nothing at a malformed or unknown address', async () => {
    for (const params of [
      { category: 'tv', slug: 'Not A Slug' },
      { category: 'tv', slug: 'no-such-story' },
    ]) {
      expect(await articleRoute.lookup(at(params))).toEqual({ missing: true })
      expect(await articleRoute.head(at(params))).toBeUndefined()
    }
  })

  it('gives a moved address no social image and no structured data', async () => {
    const params = at({ category: 'tv', slug: 'old-home' })
    await expect(articleRoute.image(params)).rejects.toThrow('NEXT_HTTP_ERROR_FALLBACK;404')
    await expect(articleRoute.page(params)).rejects.toThrow('NEXT_REDIRECT')
    expect(await articleRoute.head(params)).toBeUndefined()
  })
})

describe('galleryRoute and photoRoute', () => {
  it('show a draft gallery only in preview', async () => {
    expect(await galleryRoute.lookup(at({ slug: 'draft-gallery' }))).toEqual({ missing: true })
    preview = true
    expect('found' in (await galleryRoute.lookup(at({ slug: 'draft-gallery' })))).toBe(true)
  })

  it('has one page per photo and none past the last', async () => {
    const second = await photoRoute.lookup(at({ slug: 'set-photos', n: '2' }))
    expect('found' in second && second.found.slide.alt).toBe('Two actors between takes.')
    expect(await photoRoute.lookup(at({ slug: 'set-photos', n: '3' }))).toEqual({ missing: true })
  })
})

describe('hub routes', () => {
  it('move a renamed section, page numbers and all', async () => {
    expect(await categoryRoute.lookup(at({ category: 'film' }))).toEqual({ movedTo: '/movies' })
    expect(await categoryPageRoute.lookup(at({ category: 'film', n: '2' }))).toEqual({
      movedTo: '/movies/page/2',
    })
  })

  it('send page 1 to the hub’s own address and 404 past the last page', async () => {
    expect(await categoryPageRoute.lookup(at({ category: 'tv', n: '1' }))).toEqual({
      movedTo: '/tv',
    })
    expect(await categoryPageRoute.lookup(at({ category: 'tv', n: '2' }))).toEqual({
      missing: true,
    })
    expect(await topicPageRoute.lookup(at({ slug: 'luke-cage', n: '1' }))).toEqual({
      movedTo: '/topic/luke-cage',
    })
  })
})
