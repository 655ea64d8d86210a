import { afterAll, describe, expect, it } from 'vitest'
import { formatIssue } from './errors'
import type { LoadResult } from './load'
import { createTestLibrary, removeTestLibraries, type TestLibrary } from './test-library'
import type { Library } from './types'

afterAll(removeTestLibraries)

const BASE_ARTICLES = ['luke-cage-set-photos', 'daredevil-first-look', 'doomsday-trailer']

/** The errors as `file:line: error: field: message`, without the hints. */
function errors(result: LoadResult): string[] {
  return result.issues
    .filter((issue) => issue.severity === 'error')
    .map((issue) => formatIssue({ ...issue, hint: undefined }))
}

function loaded(result: LoadResult): Library {
  if (!result.library) throw new Error(`no library:\n${errors(result).join('\n')}`)
  return result.library
}

function slugs(items: { slug: string }[]): string[] {
  return items.map((item) => item.slug).sort()
}

/** Writes one more article with `fields`, loads, and returns its findings and the library. */
async function loadWithArticle(
  fields: Record<string, unknown>,
  body?: string,
): Promise<{ text: string; errors: string[]; library: Library; content: TestLibrary }> {
  const content = await createTestLibrary()
  const text = await content.writeArticle('story', fields, body)
  const result = await content.load()
  return { text, errors: errors(result), library: loaded(result), content }
}

describe('loadLibrary on a valid library', () => {
  it('loads everything with no findings', async () => {
    const content = await createTestLibrary()
    const result = await content.load()
    expect(result.issues).toEqual([])
    const library = loaded(result)
    expect(library.articles.map((article) => article.slug)).toEqual(BASE_ARTICLES)
    expect(slugs(library.galleries)).toEqual(['set-photos'])
    expect(slugs(library.authors)).toEqual(['dana-okafor', 'leo-hartmann'])
  })

  it('resolves URLs, image sizes and the site address without a trailing slash', async () => {
    const library = loaded(await (await createTestLibrary()).load())
    const article = library.articleBySlug.get('luke-cage-set-photos')
    expect(article?.url).toBe('/tv/luke-cage-set-photos')
    expect(article?.hero).toMatchObject({ src: '/images/articles/hero.webp', width: 1600 })
    expect(article?.hero.height).toBe(900)
    expect(library.site.url).toBe('https://test.example')
    expect(library.site.logo).toMatchObject({ width: 240, height: 60, alt: 'Test Marquee' })
    expect(library.authorBySlug.get('dana-okafor')?.url).toBe('/author/dana-okafor')
    expect(library.galleryBySlug.get('set-photos')?.slides.map((s) => [s.width, s.height])).toEqual(
      [
        [1600, 900],
        [900, 1600],
      ],
    )
    expect(library.galleryBySlug.get('set-photos')?.article).toBe('luke-cage-set-photos')
  })

  it('orders categories by their order field', async () => {
    const content = await createTestLibrary()
    await content.edit('categories.yaml', 'order: 1', 'order: 3')
    const library = loaded(await content.load())
    expect(library.categories.map((category) => category.slug)).toEqual(['movies', 'tv'])
  })

  it('takes modifiedAt from the newest update, whatever the order of the list', async () => {
    const { library } = await loadWithArticle({
      publishedAt: '2026-11-20T10:15:00-05:00',
      updates: [
        { at: '2026-11-20T16:40:00-05:00', note: 'Added context.' },
        { at: '2026-11-21T08:00:00-05:00', note: 'Fixed a name.' },
      ],
    })
    const story = library.articleBySlug.get('story')
    expect(story?.modifiedAt).toBe('2026-11-21T08:00:00-05:00')
    expect(story?.updates.map((update) => update.note)).toEqual(['Fixed a name.', 'Added context.'])
  })

  it('keeps publishedAt as modifiedAt for a story never updated', async () => {
    const { library } = await loadWithArticle({ publishedAt: '2026-11-20T10:15:00-05:00' })
    expect(library.articleBySlug.get('story')?.modifiedAt).toBe('2026-11-20T10:15:00-05:00')
  })

  it('loads drafts and scheduled stories too: the publishing rule hides them later', async () => {
    const content = await createTestLibrary()
    await content.writeArticle('draft-story', { draft: true })
    await content.writeArticle('scheduled-story', { publishedAt: '2099-01-01T09:00:00-05:00' })
    const result = await content.load()
    expect(errors(result)).toEqual([])
    expect(loaded(result).articleBySlug.has('draft-story')).toBe(true)
    expect(loaded(result).articleBySlug.has('scheduled-story')).toBe(true)
  })
})
