import { afterAll, describe, expect, it } from 'vitest'
import { formatIssue } from '../errors'
import type { LoadResult } from '../load'
import { CATEGORIES_YAML, createTestLibrary, lineOf, removeTestLibraries } from '../test-library'

afterAll(removeTestLibraries)

/** The errors as `file:line: error: field: message`, without the hints. */
function errors(result: LoadResult): string[] {
  return result.issues
    .filter((issue) => issue.severity === 'error')
    .map((issue) => formatIssue({ ...issue, hint: undefined }))
}

describe('loadLibrary with missing or unusable files', () => {
  it.each(['gallery', 'author', 'topic', 'search', 'api', 'page'])(
    'refuses the library when a category takes the reserved slug "%s"',
    async (slug) => {
      const content = await createTestLibrary()
      const text = await content.write(
        'categories.yaml',
        `${CATEGORIES_YAML}- slug: ${slug}\n  name: Reserved\n  description: Clash.\n  order: 3\n`,
      )
      const result = await content.load()
      expect(result.library).toBeUndefined()
      expect(errors(result)).toHaveLength(1)
      expect(errors(result)[0]).toMatch(
        new RegExp(
          `^categories\\.yaml:${lineOf(text, `slug: ${slug}`)}: error: 2\\.slug: ` +
            `"${slug}" is reserved for a fixed route \\(gallery, author, topic,`,
        ),
      )
    },
  )

  it('refuses the library when two categories share a slug', async () => {
    const content = await createTestLibrary()
    const text = await content.edit('categories.yaml', 'slug: movies', 'slug: tv')
    const result = await content.load()
    expect(result.library).toBeUndefined()
    expect(errors(result)).toEqual([
      `categories.yaml:${lineOf(text, 'name: Movies') - 1}: error: 1.slug: duplicate category ` +
        'slug "tv"',
    ])
  })
})
