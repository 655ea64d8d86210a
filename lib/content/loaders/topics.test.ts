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

describe('loadLibrary with missing or unusable files', () => {
  it('keeps the first of two topics that share a slug and reports the second', async () => {
    const content = await createTestLibrary()
    const text = await content.edit('topics.yaml', 'slug: mcu', 'slug: daredevil')
    const result = await content.load()
    expect(errors(result)).toContain(
      `topics.yaml:${lineOf(text, 'name: Marvel Cinematic') - 1}: error: 3.slug: duplicate topic ` +
        'slug "daredevil"',
    )
    expect(loaded(result).topicBySlug.get('daredevil')?.name).toBe('Daredevil')
  })
})
