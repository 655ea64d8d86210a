import { afterAll, describe, expect, it } from 'vitest'
import { formatIssue } from '../errors'
import type { LoadResult } from '../load'
import { createTestLibrary, lineOf, removeTestLibraries, type TestLibrary } from '../test-library'
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

describe('loadLibrary checks inside article bodies', () => {
  async function loadBody(body: string) {
    const result = await loadWithArticle({}, body)
    return { ...result, line: (needle: string) => lineOf(result.text, needle) }
  }

  it('rejects a remote image', async () => {
    const { errors, line, library } = await loadBody(
      'Intro.\n\n![A poster.](https://cdn.example.com/poster.webp)\n',
    )
    expect(errors).toEqual([
      `articles/story.md:${line('cdn.example.com')}: error: body: remote image ` +
        'https://cdn.example.com/poster.webp is not allowed',
    ])
    expect(library.articleBySlug.has('story')).toBe(false)
  })

  it('tells the editor how to fix it', async () => {
    const content = await createTestLibrary()
    await content.writeArticle('story', {}, '![A poster.](https://cdn.example.com/poster.webp)')
    const [issue] = (await content.load()).issues
    expect(issue && formatIssue(issue)).toMatch(
      /is not allowed\n {4}hint: Put the image in the library's images\/ folder and link it as /,
    )
  })

  it('rejects a body image whose file is missing', async () => {
    const { errors, line } = await loadBody('Intro.\n\n![A poster.](/images/articles/nope.webp)\n')
    expect(errors).toEqual([
      `articles/story.md:${line('nope.webp')}: error: body: image /images/articles/nope.webp ` +
        'not found (expected a file under images/)',
    ])
  })

  it('rejects a body image without alt text', async () => {
    const { errors, line } = await loadBody(
      'Intro.\n\nMore.\n\n![](/images/articles/inline.webp)\n',
    )
    expect(errors).toEqual([
      `articles/story.md:${line('![]')}: error: body: image /images/articles/inline.webp has no ` +
        'alt text',
    ])
  })

  it('rejects an unknown block directive', async () => {
    const { errors, line, library } = await loadBody('Intro.\n\n::poll{id="1"}\n\nOutro.\n')
    expect(errors).toEqual([
      `articles/story.md:${line('::poll')}: error: body: unknown directive "::poll"`,
    ])
    expect(library.articleBySlug.has('story')).toBe(false)
  })
})
