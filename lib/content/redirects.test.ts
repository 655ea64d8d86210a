import { afterAll, describe, expect, it } from 'vitest'
import { formatIssue } from './errors'
import { createTestLibrary, removeTestLibraries } from './test-library'
import { readTombstones } from './tombstones'

afterAll(removeTestLibraries)

async function library() {
  const content = await createTestLibrary({ articles: false })
  await content.writeArticle('new-home', { redirectFrom: ['old-home'] })
  return content
}

const errors = (issues: Parameters<typeof formatIssue>[0][]) =>
  issues.filter((issue) => issue.severity === 'error').map((issue) => formatIssue(issue))

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
