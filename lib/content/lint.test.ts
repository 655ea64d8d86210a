/**
 * The editorial lint: what hurts readers and crawlers beyond the schema. Each rule is shown
 * failing on one broken file of an otherwise valid library, with its `file:line` and severity.
 */
import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { formatIssue, type ContentIssue } from './errors'
import { CATEGORIES_YAML, createTestLibrary, lineOf, removeTestLibraries } from './test-library'

afterAll(removeTestLibraries)

const format = (issues: ContentIssue[], severity: ContentIssue['severity']) =>
  issues
    .filter((issue) => issue.severity === severity)
    .map((issue) => formatIssue({ ...issue, hint: undefined }))

/** The base library's first story was published 2026-11-20; the checks take this as now. */
const NOW = Date.parse('2026-11-23T12:00:00Z')

describe('article lint', () => {
  it('rejects a hero narrower than 1200 px, naming its line, and still renders the story', async () => {
    const content = await createTestLibrary()
    await content.writeImage('/images/articles/small.webp', 800, 450)
    const text = await content.writeArticle('story', {
      hero: { image: '/images/articles/small.webp', alt: 'A small photo.' },
    })
    const { library, issues } = await content.load({ now: NOW })
    expect(format(issues, 'error')).toEqual([
      `articles/story.md:${lineOf(text, 'image: /images/articles/small.webp')}: error: hero.image: ` +
        'hero image /images/articles/small.webp is 800 px wide; it must be at least 1200 px',
    ])
    expect(library?.articleBySlug.has('story')).toBe(true)
  })

  it('warns about a headline over 110 characters', async () => {
    const content = await createTestLibrary()
    const title = `Luke Cage ${'and more '.repeat(12)}`.trim()
    const text = await content.writeArticle('story', { title })
    const { issues } = await content.load({ now: NOW })
    expect(format(issues, 'error')).toEqual([])
    expect(format(issues, 'warning')).toEqual([
      `articles/story.md:${lineOf(text, 'title:')}: warning: title: headline is ${title.length} ` +
        'characters; over 110 is cut off in search results and news carousels',
    ])
  })

  it('accepts a headline of exactly 110 characters', async () => {
    const content = await createTestLibrary()
    await content.writeArticle('story', { title: 'x'.repeat(110) })
    expect((await content.load({ now: NOW })).issues).toEqual([])
  })

  it('warns about a publishedAt months ahead, unless the story gives a reason', async () => {
    const content = await createTestLibrary()
    const text = await content.writeArticle('story', { publishedAt: '2027-11-01T09:00:00-04:00' })
    const { issues } = await content.load({ now: NOW })
    expect(format(issues, 'warning')).toEqual([
      `articles/story.md:${lineOf(text, 'publishedAt:')}: warning: publishedAt: publishedAt is ` +
        '343 days in the future',
    ])
    await content.writeArticle('story', {
      publishedAt: '2027-11-01T09:00:00-04:00',
      embargo: 'Under embargo until the premiere',
    })
    expect((await content.load({ now: NOW })).issues).toEqual([])
  })

  it('says nothing of a story scheduled for next week', async () => {
    const content = await createTestLibrary()
    await content.writeArticle('story', { publishedAt: '2026-11-30T09:00:00-05:00' })
    expect((await content.load({ now: NOW })).issues).toEqual([])
  })
})

describe('internal links in bodies lead to a live page', () => {
  async function linkFrom(body: string, setup?: (content: TestLibraryOf) => Promise<unknown>) {
    const content = await createTestLibrary()
    await setup?.(content)
    const text = await content.writeArticle('story', {}, body)
    const { issues } = await content.load({ now: NOW })
    return { issues, line: (needle: string) => lineOf(text, needle) }
  }
  type TestLibraryOf = Awaited<ReturnType<typeof createTestLibrary>>

  it('rejects a link to a draft', async () => {
    const { issues, line } = await linkFrom('Read [it](/tv/secret).\n', (content) =>
      content.writeArticle('secret', { draft: true }),
    )
    expect(format(issues, 'error')).toEqual([
      `articles/story.md:${line('/tv/secret')}: error: body: link /tv/secret leads to a draft, ` +
        'which readers cannot open',
    ])
  })

  it('lets a draft link to another draft', async () => {
    const content = await createTestLibrary()
    await content.writeArticle('secret', { draft: true })
    await content.writeArticle('story', { draft: true }, 'Read [it](/tv/secret).\n')
    expect((await content.load({ now: NOW })).issues).toEqual([])
  })

  it('rejects a link to a draft gallery', async () => {
    const { issues } = await linkFrom('See [them](/gallery/hidden/2).\n', (content) =>
      content.writeGallery('hidden', { draft: true }),
    )
    expect(format(issues, 'error')).toEqual([
      expect.stringContaining('link /gallery/hidden/2 leads to a draft'),
    ])
  })

  it('warns about a link to a story that comes out after this one', async () => {
    const { issues, line } = await linkFrom('Read [it](/tv/later).\n', (content) =>
      content.writeArticle('later', { publishedAt: '2026-12-01T09:00:00-05:00' }),
    )
    expect(format(issues, 'error')).toEqual([])
    expect(format(issues, 'warning')).toEqual([
      `articles/story.md:${line('/tv/later')}: warning: body: link /tv/later leads to a story ` +
        'scheduled for 2026-12-01T09:00:00-05:00, after this one comes out: it answers 404 until then',
    ])
  })

  it('accepts a link from an older story to a newer one that is out', async () => {
    const { issues } = await linkFrom('Read [it](/tv/luke-cage-set-photos).\n')
    expect(issues).toEqual([])
  })

  it('rejects a link to a story taken down in removed.yaml', async () => {
    const { issues } = await linkFrom('Read [it](/tv/pulled).\n', (content) =>
      content.write(
        'removed.yaml',
        '- path: /tv/pulled\n  removedAt: 2026-11-02T09:00:00-05:00\n  reason: Legal request.\n',
      ),
    )
    expect(format(issues, 'error')).toEqual([
      expect.stringContaining('link /tv/pulled leads to a story taken down in removed.yaml'),
    ])
  })

  it.each([
    ['/tv/old-daredevil', '/tv/daredevil-first-look'],
    ['/movies/daredevil-first-look', '/tv/daredevil-first-look'],
  ])('warns about %s, an old address of %s', async (href, url) => {
    const { issues } = await linkFrom(`Read [it](${href}).\n`, (content) =>
      content.edit(
        'articles/daredevil-first-look.md',
        'category: tv\n',
        'category: tv\nredirectFrom:\n  - old-daredevil\n',
      ),
    )
    expect(format(issues, 'error')).toEqual([])
    expect(format(issues, 'warning')).toEqual([
      expect.stringContaining(`link ${href} uses an old address of ${url}`),
    ])
  })

  it('warns about a link through an old section slug', async () => {
    const { issues } = await linkFrom('Read [it](/television/daredevil-first-look).\n', (content) =>
      content.write(
        'categories.yaml',
        CATEGORIES_YAML.replace('  order: 1\n', '  order: 1\n  redirectFrom: [television]\n'),
      ),
    )
    expect(format(issues, 'warning')).toEqual([
      expect.stringContaining('link /television/daredevil-first-look uses the old section address'),
    ])
  })
})

describe('section redirects', () => {
  async function withRedirects(tv: string[], movies: string[] = []) {
    const content = await createTestLibrary()
    const list = (slugs: string[]) => `  redirectFrom: [${slugs.join(', ')}]\n`
    const text = await content.write(
      'categories.yaml',
      CATEGORIES_YAML.replace('  order: 1\n', `  order: 1\n${list(tv)}`).replace(
        '  order: 2\n',
        `  order: 2\n${list(movies)}`,
      ),
    )
    return { text, ...(await content.load({ now: NOW })) }
  }

  it('maps an old section slug to the section', async () => {
    const { library, issues } = await withRedirects(['television', 'shows'])
    expect(issues).toEqual([])
    expect([...(library?.categoryRedirects ?? [])]).toEqual([
      ['television', 'tv'],
      ['shows', 'tv'],
    ])
  })

  it.each([
    [['tv'], `"tv" is this section's own slug: the redirect would loop`],
    [['movies'], '"movies" is a live section: the redirect would hide it'],
    [['search'], '"search" is reserved for a fixed route and never reaches a section'],
  ])('rejects redirectFrom %j', async (tv, message) => {
    const { text, issues } = await withRedirects(tv)
    expect(format(issues, 'error')).toEqual([
      `categories.yaml:${lineOf(text, 'redirectFrom')}: error: 0.redirectFrom.0: ${message}`,
    ])
  })

  it('rejects an old slug claimed by two sections', async () => {
    const { issues, library } = await withRedirects(['film'], ['film'])
    expect(format(issues, 'error')).toEqual([
      expect.stringMatching(/1\.redirectFrom\.0: "film" already redirects to "tv"$/),
    ])
    expect(library?.categoryRedirects.get('film')).toBe('tv')
  })
})

describe('story redirects', () => {
  it.each([
    ['story', 'a story cannot redirect from its own slug: the redirect would loop'],
    ['page', '"page" is reserved for a fixed route and never reaches a story'],
  ])('rejects redirectFrom [%s]', async (old, message) => {
    const content = await createTestLibrary()
    const text = await content.writeArticle('story', { redirectFrom: [old] })
    const { issues } = await content.load({ now: NOW })
    expect(format(issues, 'error')).toEqual([
      `articles/story.md:${lineOf(text, `- ${old}`)}: error: redirectFrom.0: ${message}`,
    ])
  })
})

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

// Each case starts a Node process: give it time on a busy machine.
describe('npm run content:check', { timeout: 30_000 }, () => {
  const run = promisify(execFile)
  const check = (dir: string) =>
    run(process.execPath, ['--import', 'tsx', 'scripts/content-check.ts', dir], {
      cwd: path.resolve(import.meta.dirname, '../..'),
    }).then(
      ({ stdout }) => ({ code: 0, stdout }),
      (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
    )

  it('exits 0 on the bundled library', async () => {
    const { code, stdout } = await check('content')
    expect(stdout).toMatch(/0 error\(s\)/)
    expect(code).toBe(0)
  })

  it('exits 1 on a story whose image lacks alt text, naming file and line', async () => {
    const content = await createTestLibrary()
    const text = await content.writeArticle(
      'story',
      {},
      'Intro.\n\n![](/images/articles/inline.webp)\n',
    )
    const { code, stdout } = await check(content.root)
    expect(code).toBe(1)
    expect(stdout).toContain(
      `articles/story.md:${lineOf(text, '![]')}: error: body: image /images/articles/inline.webp ` +
        'has no alt text',
    )
  })

  it('exits 0 on warnings alone', async () => {
    const content = await createTestLibrary()
    await content.writeArticle('story', { title: 'x'.repeat(120) })
    const { code, stdout } = await check(content.root)
    expect(stdout).toMatch(/0 error\(s\), 1 warning\(s\)/)
    expect(code).toBe(0)
  })
})
