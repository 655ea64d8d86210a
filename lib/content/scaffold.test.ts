import { mkdtemp, readFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { afterAll, describe, expect, it } from 'vitest'
import { formatIssue } from './errors'
import { ScaffoldError, scaffoldArticle, scaffoldGallery, slugOf } from './scaffold'
import { createTestLibrary, lineOf, removeTestLibraries } from './test-library'

afterAll(removeTestLibraries)

const NOW = new Date('2026-11-23T23:05:00Z')
const errors = (issues: Parameters<typeof formatIssue>[0][]) =>
  issues
    .filter((issue) => issue.severity === 'error')
    .map((issue) => formatIssue({ ...issue, hint: undefined }))

async function photos(sizes: [number, number][]) {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'marquee-photos-'))
  await Promise.all(
    sizes.map(([width, height], index) =>
      sharp({ create: { width, height, channels: 3, background: '#844' } })
        .jpeg()
        .toFile(path.join(folder, `IMG_${index + 1}.jpg`)),
    ),
  )
  return folder
}

describe('slugOf', () => {
  it.each([
    ['Luke Cage Season 2 Set Photos', 'luke-cage-season-2-set-photos'],
    ['Déjà Vu: Netflix’s “Daredevil” & More!', 'deja-vu-netflixs-daredevil-and-more'],
    ['  Spaces   everywhere  ', 'spaces-everywhere'],
  ])('%s → %s', (title, slug) => {
    expect(slugOf(title)).toBe(slug)
  })
})

describe('npm run new -- article', () => {
  it('writes a draft that passes the content check, with the slug and the time in the site zone', async () => {
    const content = await createTestLibrary()
    const made = await scaffoldArticle(content.root, {
      title: 'Luke Cage Season 3: What We Know',
      category: 'tv',
      authors: ['dana-okafor'],
      topics: ['luke-cage'],
      now: NOW,
    })
    expect(made.file).toBe('articles/luke-cage-season-3-what-we-know.md')
    const { library, issues } = await content.load()
    expect(issues).toEqual([])
    const article = library?.articleBySlug.get('luke-cage-season-3-what-we-know')
    expect(article).toMatchObject({
      title: 'Luke Cage Season 3: What We Know',
      category: 'tv',
      topics: ['luke-cage'],
      authors: ['dana-okafor'],
      publishedAt: '2026-11-23T18:05:00-05:00',
      draft: true,
      wordCount: 0,
    })
    // The drawn title card is a real hero, large enough for the hero rule.
    expect(article?.hero).toMatchObject({ width: 1600, height: 900 })
  })

  it('copies the editor’s photo as the hero and leaves its alt text to write, which the check flags', async () => {
    const content = await createTestLibrary()
    const folder = await photos([[2000, 1125]])
    await scaffoldArticle(content.root, {
      title: 'Set Photos',
      category: 'tv',
      authors: ['dana-okafor'],
      hero: path.join(folder, 'IMG_1.jpg'),
      now: NOW,
    })
    const text = await content.read('articles/set-photos.md')
    expect(text).toContain('image: /images/articles/set-photos.jpg')
    expect(errors((await content.load()).issues)).toEqual([
      `articles/set-photos.md:${lineOf(text, 'alt:')}: error: hero.alt: must not be empty`,
    ])
  })

  it('cannot be published until the dek and the story are written', async () => {
    const content = await createTestLibrary()
    await scaffoldArticle(content.root, {
      title: 'Not Ready',
      category: 'tv',
      authors: ['dana-okafor'],
      now: NOW,
    })
    const text = await content.edit('articles/not-ready.md', 'draft: true', 'draft: false')
    expect(errors((await content.load()).issues)).toEqual([
      `articles/not-ready.md:${lineOf(text, 'dek:')}: error: dek: the dek is still the TODO ` +
        'that `npm run new` wrote',
      `articles/not-ready.md:${lineOf(text, 'draft:')}: error: draft: the story has no text and ` +
        'is not a draft',
    ])
  })

  it.each([
    [{ title: 'Story Daredevil First Look', slug: 'daredevil-first-look' }, /already exists/],
    [{ title: 'A Story', category: 'music' }, /no category "music"; known: tv, movies/],
    [{ title: 'A Story', authors: ['nobody'] }, /no author "nobody"/],
    [{ title: 'A Story', topics: ['nope'] }, /no topic "nope"/],
    [{ title: '!!!' }, /is not a valid slug/],
  ])('refuses %j', async (input, message) => {
    const content = await createTestLibrary()
    const made = scaffoldArticle(content.root, {
      category: 'tv',
      authors: ['dana-okafor'],
      ...input,
    })
    await expect(made).rejects.toThrow(ScaffoldError)
    await expect(made).rejects.toThrow(message)
  })
})

describe('npm run new -- gallery', () => {
  it('copies the photos in order, notes each size, and leaves every alt text to the editor', async () => {
    const content = await createTestLibrary()
    const folder = await photos([
      [1600, 900],
      [900, 1600],
      [1200, 1200],
    ])
    const made = await scaffoldGallery(content.root, {
      folder,
      title: 'Harlem Shoot',
      article: 'luke-cage-set-photos',
      now: NOW,
    })
    expect(made.file).toBe('galleries/harlem-shoot.yaml')
    const text = await readFile(path.join(content.root, made.file), 'utf8')
    expect(text).toContain(
      '# IMG_1.jpg, 1600×900\n  - image: /images/galleries/harlem-shoot/01.jpg',
    )
    expect(text).toContain(
      '# IMG_2.jpg, 900×1600\n  - image: /images/galleries/harlem-shoot/02.jpg',
    )
    expect(text).toContain('publishedAt: 2026-11-23T18:05:00-05:00')
    const lines = text
      .split('\n')
      .flatMap((line, index) => (line.includes('alt:') ? [index + 1] : []))
    expect(errors((await content.load()).issues)).toEqual(
      lines.map(
        (line, index) =>
          `galleries/harlem-shoot.yaml:${line}: error: slides.${index}.alt: must not be empty`,
      ),
    )
    // With the alt text written it loads, sizes read from the files.
    await content.write('galleries/harlem-shoot.yaml', text.replaceAll('alt: ""', 'alt: A photo.'))
    const { library, issues } = await content.load()
    expect(issues).toEqual([])
    expect(library?.galleryBySlug.get('harlem-shoot')?.slides.map((s) => s.width)).toEqual([
      1600, 900, 1200,
    ])
  })

  it('refuses a folder without photos', async () => {
    const content = await createTestLibrary()
    const empty = await mkdtemp(path.join(os.tmpdir(), 'marquee-empty-'))
    await expect(scaffoldGallery(content.root, { folder: empty })).rejects.toThrow(
      /no images \(webp, avif, jpg or png\)/,
    )
  })
})
