import { afterAll, describe, expect, it } from 'vitest'
import { formatIssue } from '../errors'
import type { LoadResult } from '../load'
import { createTestLibrary, lineOf, removeTestLibraries, type TestLibrary } from '../test-library'
import type { Library } from '../types'

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

describe('loadLibrary with unresolved references', () => {
  it.each([
    [
      { category: 'music' },
      'category:',
      'category: no category "music" (expected one of the slugs in categories.yaml)',
    ],
    [
      { authors: ['dana-okafor', 'nobody'] },
      '- nobody',
      'authors.1: no author "nobody" (expected one of the files in authors/)',
    ],
  ])('leaves out an article with %o and keeps the rest', async (fields, needle, expected) => {
    const { text, errors, library } = await loadWithArticle(fields)
    expect(errors).toEqual([`articles/story.md:${lineOf(text, needle)}: error: ${expected}`])
    expect(library.articleBySlug.has('story')).toBe(false)
    expect(library.articles.map((article) => article.slug)).toEqual(BASE_ARTICLES)
  })

  // Only a missing category or author keeps a story from rendering; the rest is an error that
  // fails the build, while a running server keeps serving the story.
  it.each([
    [
      { topics: ['no-such-topic'] },
      '- no-such-topic',
      'topics.0: no topic "no-such-topic" (expected one of the slugs in topics.yaml)',
    ],
    [
      { gallery: 'no-such-gallery' },
      'gallery:',
      'gallery: no gallery "no-such-gallery" (expected one of the files in galleries/)',
    ],
    [
      { next: 'no-such-story' },
      'next:',
      'next: no article "no-such-story" (expected one of the files in articles/)',
    ],
    [
      { related: ['daredevil-first-look', 'no-such-story'] },
      '- no-such-story',
      'related.1: no article "no-such-story" (expected one of the files in articles/)',
    ],
    [{ next: 'story' }, 'next:', 'next: an article cannot point at itself'],
    [{ related: ['story'] }, '- story', 'related.0: an article cannot point at itself'],
  ])('reports an article with %o and still serves it', async (fields, needle, expected) => {
    const { text, errors, library } = await loadWithArticle(fields)
    expect(errors).toEqual([`articles/story.md:${lineOf(text, needle)}: error: ${expected}`])
    expect(library.articleBySlug.has('story')).toBe(true)
    expect(library.articles).toHaveLength(BASE_ARTICLES.length + 1)
  })

  it('reports a gallery whose article does not exist and serves it on its own', async () => {
    const content = await createTestLibrary()
    const text = await content.writeGallery('lonely', { article: 'no-such-story' })
    const result = await content.load()
    expect(errors(result)).toEqual([
      `galleries/lonely.yaml:${lineOf(text, 'article:')}: error: article: no article ` +
        '"no-such-story" (expected the slug of a file in articles/)',
    ])
    expect(loaded(result).galleryBySlug.get('lonely')?.article).toBeUndefined()
    expect(loaded(result).galleryBySlug.get('set-photos')?.article).toBe('luke-cage-set-photos')
  })

  it('says so when a reference leads to a file that has errors of its own', async () => {
    const content = await createTestLibrary()
    await content.remove('images/articles/hero.webp')
    await content.writeImage('/images/articles/other.webp')
    for (const slug of ['luke-cage-set-photos', 'doomsday-trailer']) {
      await content.edit(`articles/${slug}.md`, 'articles/hero.webp', 'articles/other.webp')
    }
    // daredevil-first-look no longer loads; luke-cage-set-photos points at it three times.
    const result = await content.load()
    const text = await content.read('articles/luke-cage-set-photos.md')
    const broken = 'article "daredevil-first-look" has errors of its own'
    expect(errors(result)).toEqual([
      expect.stringMatching(/^articles\/daredevil-first-look\.md:\d+: error: hero\.image: /),
      `articles/luke-cage-set-photos.md:${lineOf(text, 'next:')}: error: next: ${broken} ` +
        '(fix articles/daredevil-first-look first)',
      `articles/luke-cage-set-photos.md:${lineOf(text, '- daredevil')}: error: related.0: ` +
        `${broken} (fix articles/daredevil-first-look first)`,
      `articles/luke-cage-set-photos.md:${lineOf(text, '(/tv/daredevil-first-look)')}: error: ` +
        'body: link /tv/daredevil-first-look leads to no page',
    ])
    const library = loaded(result)
    expect(library.articles.map((article) => article.slug)).toEqual([
      'luke-cage-set-photos',
      'doomsday-trailer',
    ])
    expect(library.articleBySlug.get('luke-cage-set-photos')?.next).toBe('daredevil-first-look')
  })

  it('leaves out the articles of an author whose file has errors, and says why', async () => {
    const content = await createTestLibrary()
    await content.edit('authors/leo-hartmann.md', 'role: Staff Writer\n', '')
    const result = await content.load()
    const library = loaded(result)
    const daredevil = await content.read('articles/daredevil-first-look.md')
    expect(errors(result)).toEqual(
      expect.arrayContaining([
        'authors/leo-hartmann.md:2: error: role: is required (expected string)',
        `articles/daredevil-first-look.md:${lineOf(daredevil, '- leo-hartmann')}: error: ` +
          'authors.0: author "leo-hartmann" has errors of its own (fix authors/leo-hartmann first)',
      ]),
    )
    expect(library.authorBySlug.has('leo-hartmann')).toBe(false)
    // daredevil-first-look and doomsday-trailer list leo-hartmann; luke-cage-set-photos does not.
    expect(library.articles.map((article) => article.slug)).toEqual(['luke-cage-set-photos'])
  })

  it('reports each finding once', async () => {
    const content = await createTestLibrary()
    await content.writeArticle('story', { topics: ['nope'], next: 'nope', related: ['nope'] })
    const result = await content.load()
    const keys = result.issues.map((issue) => formatIssue(issue))
    expect(keys).toHaveLength(3)
    expect(new Set(keys).size).toBe(keys.length)
  })

  it('warns, without an error, about an editors pick that does not exist', async () => {
    const content = await createTestLibrary()
    await content.edit('site.yaml', '  - luke-cage-set-photos\n', '  - no-such-story\n')
    const result = await content.load()
    expect(errors(result)).toEqual([])
    expect(result.issues.map((issue) => formatIssue(issue))).toEqual([
      'site.yaml: warning: editorsPicks.1: no article "no-such-story"',
    ])
  })
})

describe('loadLibrary checks inside article bodies', () => {
  async function loadBody(body: string) {
    const result = await loadWithArticle({}, body)
    return { ...result, line: (needle: string) => lineOf(result.text, needle) }
  }

  it('rejects a gallery embed of an unknown gallery', async () => {
    const { errors, line } = await loadBody('Intro.\n\n::gallery{slug="nope"}\n')
    expect(errors).toEqual([
      `articles/story.md:${line('::gallery')}: error: body: ::gallery embeds an unknown ` +
        'gallery "nope"',
    ])
  })
})
