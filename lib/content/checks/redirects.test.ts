import { afterAll, describe, expect, it } from 'vitest'
import { formatIssue, type ContentIssue } from '../errors'
import { CATEGORIES_YAML, createTestLibrary, lineOf, removeTestLibraries } from '../test-library'
import { readTombstones } from '../tombstones'

afterAll(removeTestLibraries)

const format = (issues: ContentIssue[], severity: ContentIssue['severity']) =>
  issues
    .filter((issue) => issue.severity === severity)
    .map((issue) => formatIssue({ ...issue, hint: undefined }))

/** The base library's first story was published 2026-11-20; the checks take this as now. */
const NOW = Date.parse('2026-11-23T12:00:00Z')

async function library() {
  const content = await createTestLibrary({ articles: false })
  await content.writeArticle('new-home', { redirectFrom: ['old-home'] })
  return content
}

const errors = (issues: Parameters<typeof formatIssue>[0][]) =>
  issues.filter((issue) => issue.severity === 'error').map((issue) => formatIssue(issue))

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

describe('redirectFrom', () => {
  it('maps an old slug to the story', async () => {
    const { library: loaded, issues } = await (await library()).load()
    expect(errors(issues)).toEqual([])
    expect(loaded?.redirects.get('old-home')).toBe('new-home')
  })

  it('rejects an old slug that is still a live story', async () => {
    const content = await library()
    await content.writeArticle('old-home')
    const { issues } = await content.load()
    expect(errors(issues)).toEqual([
      expect.stringMatching(
        /^articles\/new-home\.md:\d+: error: redirectFrom\.0: "old-home" is the slug of a live story/,
      ),
    ])
  })

  it('rejects an old slug claimed by two stories', async () => {
    const content = await library()
    await content.writeArticle('other-home', { redirectFrom: ['old-home'] })
    const { issues } = await content.load()
    expect(errors(issues)).toEqual([
      expect.stringMatching(/redirectFrom\.0: "old-home" already redirects to "new-home"/),
    ])
  })
})

describe('removed.yaml', () => {
  const tombstone = (path: string) =>
    `- path: ${path}\n  removedAt: '2026-11-12T15:00:00-05:00'\n  reason: Withdrawn.\n`

  it('is read by path for the 410 route', async () => {
    const content = await library()
    await content.write('removed.yaml', tombstone('/tv/gone-story'))
    const tombstones = await readTombstones(content.root)
    expect(tombstones.get('/tv/gone-story')).toMatchObject({ reason: 'Withdrawn.' })
    expect(errors((await content.load()).issues)).toEqual([])
  })

  it('may not cover a live story', async () => {
    const content = await library()
    await content.write('removed.yaml', tombstone('/tv/new-home'))
    expect(errors((await content.load()).issues)).toEqual([
      'removed.yaml:1: error: 0.path: /tv/new-home is a live story; remove its file before its tombstone',
    ])
  })

  it('names a malformed path with its line', async () => {
    const content = await library()
    await content.write('removed.yaml', tombstone('tv/No_Slash'))
    expect(errors((await content.load()).issues)).toEqual([
      expect.stringMatching(
        /^removed\.yaml:1: error: 0\.path: expected a site path like \/tv\/old-story/,
      ),
    ])
  })
})
