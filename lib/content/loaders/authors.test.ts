import { afterAll, describe, expect, it } from 'vitest'
import { formatIssue } from '../errors'
import type { LoadResult } from '../load'
import { createTestLibrary, lineOf, removeTestLibraries } from '../test-library'
import type { Library } from '../types'

afterAll(removeTestLibraries)

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

describe('loadLibrary with missing or unusable files', () => {
  it('leaves out an author whose avatar file is missing, naming the avatar field', async () => {
    const content = await createTestLibrary({ articles: false })
    await content.remove('images/authors/dana-okafor.webp')
    const result = await content.load()
    const text = await content.read('authors/dana-okafor.md')
    expect(errors(result)).toEqual([
      `authors/dana-okafor.md:${lineOf(text, 'avatar:')}: error: avatar: image ` +
        '/images/authors/dana-okafor.webp not found (expected a file at ' +
        'images/authors/dana-okafor.webp)',
    ])
    expect(slugs(loaded(result).authors)).toEqual(['leo-hartmann'])
  })
})
