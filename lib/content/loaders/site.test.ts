import { afterAll, describe, expect, it } from 'vitest'
import { formatIssue } from '../errors'
import type { LoadResult } from '../load'
import { createTestLibrary, removeTestLibraries } from '../test-library'

afterAll(removeTestLibraries)

/** The errors as `file:line: error: field: message`, without the hints. */
function errors(result: LoadResult): string[] {
  return result.issues
    .filter((issue) => issue.severity === 'error')
    .map((issue) => formatIssue({ ...issue, hint: undefined }))
}

describe('loadLibrary with missing or unusable files', () => {
  it('refuses the library without a site.yaml', async () => {
    const content = await createTestLibrary()
    await content.remove('site.yaml')
    const result = await content.load()
    expect(result.library).toBeUndefined()
    expect(errors(result)).toEqual(['site.yaml: error: file is missing or unreadable'])
  })

  it('refuses the library when the site logo file is missing', async () => {
    const content = await createTestLibrary()
    await content.remove('images/site/logo.png')
    const result = await content.load()
    expect(result.library).toBeUndefined()
    expect(errors(result)).toEqual([
      'site.yaml:7: error: logo: image /images/site/logo.png not found (expected a file at ' +
        'images/site/logo.png)',
    ])
  })
})
