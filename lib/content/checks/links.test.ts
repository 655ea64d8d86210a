import { afterAll, describe, expect, it } from 'vitest'
import { formatIssue, type ContentIssue } from '../errors'
import type { LoadResult } from '../load'
import {
  CATEGORIES_YAML,
  createTestLibrary,
  lineOf,
  removeTestLibraries,
  type TestLibrary,
} from '../test-library'
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

const format = (issues: ContentIssue[], severity: ContentIssue['severity']) =>
  issues
    .filter((issue) => issue.severity === severity)
    .map((issue) => formatIssue({ ...issue, hint: undefined }))

/** The base library's first story was published 2026-11-20; the checks take this as now. */
const NOW = Date.parse('2026-11-23T12:00:00Z')

describe('loadLibrary checks inside article bodies', () => {
  async function loadBody(body: string) {
    const result = await loadWithArticle({}, body)
    return { ...result, line: (needle: string) => lineOf(result.text, needle) }
  }

  it.each([
    '/tv/no-such-story',
    '/tv/daredevil-first-look/extra',
    '/music',
    '/gallery/no-such-gallery',
    '/gallery/set-photos/3',
    '/gallery/set-photos/0',
    '/author/nobody',
    '/topic/no-such-topic',
  ])('rejects the broken internal link %s', async (href) => {
    const { errors, line } = await loadBody(`Intro.\n\nRead [this](${href}).\n`)
    expect(errors).toEqual([
      `articles/story.md:${line(href)}: error: body: link ${href} leads to no page`,
    ])
  })

  it.each([
    '/tv',
    '/tv/page/2',
    '/tv/daredevil-first-look',
    '/tv/daredevil-first-look#comments',
    '/gallery/set-photos',
    '/gallery/set-photos/2',
    '/author/dana-okafor',
    '/topic/luke-cage',
    '/search?q=luke',
    'https://www.example.com/elsewhere',
    'mailto:desk@test.example',
  ])('accepts the link %s', async (href) => {
    const { errors, library } = await loadBody(`Intro.\n\nRead [this](${href}).\n`)
    expect(errors).toEqual([])
    expect(library.articleBySlug.has('story')).toBe(true)
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
