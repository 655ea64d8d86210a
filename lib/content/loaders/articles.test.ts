import { copyFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { formatIssue } from '../errors'
import type { LoadResult } from '../load'
import {
  articleText,
  createTestLibrary,
  lineOf,
  removeTestLibraries,
  type TestLibrary,
} from '../test-library'
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

describe('loadLibrary with missing or unusable files', () => {
  it('leaves out an article whose hero image file is missing', async () => {
    const hero = { image: '/images/articles/missing.webp', alt: 'Nothing here.' }
    const { text, errors, library } = await loadWithArticle({ hero })
    expect(errors).toEqual([
      `articles/story.md:${lineOf(text, 'image:')}: error: hero.image: image ` +
        '/images/articles/missing.webp not found (expected a file at images/articles/missing.webp)',
    ])
    expect(library.articleBySlug.has('story')).toBe(false)
  })

  it('does not read an image outside the images folder', async () => {
    const content = await createTestLibrary()
    // A real image beside images/, reached with "..", which the path pattern lets through.
    await copyFile(
      path.join(content.root, 'images/articles/hero.webp'),
      path.join(content.root, 'outside.webp'),
    )
    const text = await content.writeArticle('story', {
      hero: { image: '/images/articles/../../outside.webp', alt: 'Escape attempt.' },
    })
    const result = await content.load()
    expect(errors(result)).toEqual([
      `articles/story.md:${lineOf(text, 'image:')}: error: hero.image: image ` +
        '/images/articles/../../outside.webp not found (expected a file at ' +
        'images/articles/../../outside.webp)',
    ])
  })

  it('treats a file that is not an image as a missing image', async () => {
    const content = await createTestLibrary()
    await content.write('images/articles/broken.webp', 'not an image')
    await content.writeArticle('story', {
      hero: { image: '/images/articles/broken.webp', alt: 'Broken.' },
    })
    const result = await content.load()
    expect(errors(result)).toHaveLength(1)
    expect(errors(result)[0]).toMatch(
      /hero\.image: image \/images\/articles\/broken\.webp not found/,
    )
  })

  it('leaves out an article whose frontmatter YAML is malformed, and keeps the rest', async () => {
    const content = await createTestLibrary()
    await content.write(
      'articles/story.md',
      '---\ntitle: A story\ndek: What happened.\ntitle: Again\n---\nBody\n',
    )
    const result = await content.load()
    expect(errors(result)).toEqual([
      'articles/story.md:4: error: invalid YAML: Map keys must be unique',
    ])
    expect(loaded(result).articles.map((article) => article.slug)).toEqual(BASE_ARTICLES)
  })

  it('leaves out an article without frontmatter', async () => {
    const content = await createTestLibrary()
    await content.write('articles/story.md', '# Just a heading\n\nAnd a body.\n')
    const result = await content.load()
    expect(errors(result)).toEqual([
      'articles/story.md:1: error: missing frontmatter: the file must start with YAML between ' +
        'two lines of "---"',
    ])
    expect(loaded(result).articleBySlug.has('story')).toBe(false)
  })

  it('rejects a file name that is not a slug', async () => {
    const content = await createTestLibrary()
    await content.write('articles/Bad_Name.md', articleText('bad-name'))
    const result = await content.load()
    expect(errors(result)).toEqual([
      'articles/Bad_Name.md:1: error: the file name "Bad_Name" is not a valid slug',
    ])
    expect(loaded(result).articles).toHaveLength(3)
  })

  it.each(['page', 'feed'])('rejects the reserved article slug "%s"', async (slug) => {
    const content = await createTestLibrary()
    await content.writeArticle(slug)
    const result = await content.load()
    expect(errors(result)).toEqual([
      `articles/${slug}.md:1: error: "${slug}" is reserved for a fixed route`,
    ])
    expect(loaded(result).articleBySlug.has(slug)).toBe(false)
  })
})
