import { afterAll, describe, expect, it } from 'vitest'
import { createTestLibrary, removeTestLibraries } from '@/lib/content/test-library'
import { MAX_EXCLUDED, storyPayload, storyRequestSchema } from './story-payload'

afterAll(removeTestLibraries)

describe('storyRequestSchema', () => {
  it('accepts a slug with no exclude list', () => {
    expect(storyRequestSchema.parse({ slug: 'worst-episodes' })).toEqual({
      slug: 'worst-episodes',
      exclude: [],
    })
  })

  it('splits the exclude list on commas', () => {
    const parsed = storyRequestSchema.parse({ slug: 'b', exclude: 'a,c-d' })
    expect(parsed.exclude).toEqual(['a', 'c-d'])
  })

  it.each([
    ['an upper-case slug', { slug: 'Bad_Slug' }],
    ['an empty item in exclude', { slug: 'b', exclude: 'a,,c' }],
    ['a path in exclude', { slug: 'b', exclude: '../etc' }],
    [
      'too many excluded stories',
      { slug: 'b', exclude: Array.from({ length: MAX_EXCLUDED + 1 }, (_, i) => `s${i}`).join(',') },
    ],
  ])('rejects %s', (_name, input) => {
    expect(storyRequestSchema.safeParse(input).success).toBe(false)
  })
})

describe('storyPayload', () => {
  async function chain() {
    const content = await createTestLibrary({ articles: false })
    await content.writeArticle('first', { next: 'second', topics: ['luke-cage'] })
    await content.writeArticle('second', { next: 'first', topics: ['luke-cage'] })
    await content.writeArticle('third', { topics: ['luke-cage'] })
    await content.writeArticle('draft', { draft: true, topics: ['luke-cage'] })
    const { library } = await content.load()
    if (!library) throw new Error('the test library did not load')
    return library
  }

  it('returns the story and the editor’s next pick', async () => {
    const payload = storyPayload(await chain(), 'second', [])
    expect(payload?.story.title).toBe('Story second')
    expect(payload?.next?.slug).toBe('first')
  })

  it('never leads back to a story already shown', async () => {
    const payload = storyPayload(await chain(), 'second', ['first'])
    expect(payload?.next?.slug).toBe('third')
  })

  it('ends the chain when every candidate has been shown', async () => {
    const payload = storyPayload(await chain(), 'third', ['first', 'second'])
    expect(payload?.next).toBeNull()
  })

  it('knows no draft or unknown story', async () => {
    const library = await chain()
    expect(storyPayload(library, 'draft', [])).toBeUndefined()
    expect(storyPayload(library, 'missing', [])).toBeUndefined()
  })
})
