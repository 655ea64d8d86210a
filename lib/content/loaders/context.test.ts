import { afterAll, describe, expect, it } from 'vitest'
import { createTestLibrary, removeTestLibraries } from '../test-library'

afterAll(removeTestLibraries)

describe('a file that breaks on a running server', () => {
  it('keeps serving the last good version of a story, with the errors reported', async () => {
    const content = await createTestLibrary()
    const good = (await content.load()).library
    await content.edit('articles/daredevil-first-look.md', 'category: tv', 'category: [tv')
    const { library, issues } = await content.load({ previous: good })
    expect(library?.articleBySlug.get('daredevil-first-look')).toBe(
      good?.articleBySlug.get('daredevil-first-look'),
    )
    expect(issues.map((issue) => `${issue.severity} ${issue.file}`)).toEqual(
      expect.arrayContaining([
        'error articles/daredevil-first-look.md',
        'warning articles/daredevil-first-look.md',
      ]),
    )
    // Without a served library (content:check, the build) the story is left out.
    expect((await content.load()).library?.articleBySlug.has('daredevil-first-look')).toBe(false)
  })

  it('keeps the last good gallery and author', async () => {
    const content = await createTestLibrary()
    const good = (await content.load()).library
    await content.edit('galleries/set-photos.yaml', 'alt: A camera dolly on a sidewalk.', 'alt: ""')
    await content.edit('authors/leo-hartmann.md', 'role: Staff Writer', 'role:')
    const { library } = await content.load({ previous: good })
    expect(library?.galleryBySlug.get('set-photos')?.slides).toHaveLength(2)
    expect(library?.galleryBySlug.get('set-photos')?.article).toBe('luke-cage-set-photos')
    expect(library?.authorBySlug.get('leo-hartmann')).toBe(good?.authorBySlug.get('leo-hartmann'))
  })

  it('keeps the last good topics when topics.yaml breaks', async () => {
    const content = await createTestLibrary()
    const good = (await content.load()).library
    await content.write('topics.yaml', '- slug: luke-cage\n  name: [\n')
    const { library } = await content.load({ previous: good })
    expect(library?.topics).toBe(good?.topics)
  })

  it('leaves out a new file that never loaded, and drops a deleted one', async () => {
    const content = await createTestLibrary()
    const good = (await content.load()).library
    await content.writeArticle('fresh', { category: 'music' })
    await content.remove('articles/doomsday-trailer.md')
    const { library } = await content.load({ previous: good })
    expect(library?.articleBySlug.has('fresh')).toBe(false)
    expect(library?.articleBySlug.has('doomsday-trailer')).toBe(false)
  })

  it('ignores a previous library of another folder', async () => {
    const content = await createTestLibrary()
    const other = await createTestLibrary()
    const good = (await other.load()).library
    await content.edit('articles/daredevil-first-look.md', 'category: tv', 'category: [tv')
    const { library } = await content.load({ previous: good })
    expect(library?.articleBySlug.has('daredevil-first-look')).toBe(false)
  })
})
