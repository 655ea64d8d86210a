import { afterAll, describe, expect, it } from 'vitest'
import { formatIssue } from '../errors'
import type { LoadResult } from '../load'
import { createTestLibrary, lineOf, removeTestLibraries } from '../test-library'
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

function slugs(items: { slug: string }[]): string[] {
  return items.map((item) => item.slug).sort()
}

describe('loadLibrary with missing or unusable files', () => {
  it('leaves out a gallery with a missing slide image and reports every use of it', async () => {
    const content = await createTestLibrary()
    await content.remove('images/galleries/set-photos/02.webp')
    const result = await content.load()
    const gallery = await content.read('galleries/set-photos.yaml')
    const article = await content.read('articles/luke-cage-set-photos.md')
    const file = 'articles/luke-cage-set-photos.md'
    expect(errors(result)).toEqual([
      `galleries/set-photos.yaml:${lineOf(gallery, '02.webp')}: error: slides.1.image: image ` +
        '/images/galleries/set-photos/02.webp not found (expected a file at ' +
        'images/galleries/set-photos/02.webp)',
      `${file}:${lineOf(article, 'gallery:')}: error: gallery: gallery "set-photos" has errors ` +
        'of its own (fix galleries/set-photos first)',
      `${file}:${lineOf(article, '::gallery')}: error: body: ::gallery embeds an unknown gallery ` +
        '"set-photos"',
      `${file}:${lineOf(article, '(/gallery/set-photos/2)')}: error: body: link ` +
        '/gallery/set-photos/2 leads to no page',
    ])
    expect(loaded(result).galleries).toEqual([])
    // The story itself is fine: it keeps being served without its gallery.
    expect(loaded(result).articles.map((story) => story.slug)).toEqual(BASE_ARTICLES)
  })

  it('leaves out a gallery whose YAML is badly indented', async () => {
    const content = await createTestLibrary()
    await content.write(
      'galleries/broken.yaml',
      'title: Broken\ndek: Bad.\npublishedAt: 2026-11-01T09:00:00-04:00\nslides:\n' +
        '  - image: /images/galleries/set-photos/01.webp\n   alt: Misaligned\n',
    )
    const result = await content.load()
    expect(result.issues).toHaveLength(1)
    expect(result.issues[0]).toMatchObject({ file: 'galleries/broken.yaml', line: 6 })
    expect(slugs(loaded(result).galleries)).toEqual(['set-photos'])
  })
})
