/**
 * The editorial lint: what hurts readers and crawlers beyond the schema. Each rule is shown
 * failing on one broken file of an otherwise valid library, with its `file:line` and severity.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { formatIssue, type ContentIssue } from '../errors'
import { createTestLibrary, lineOf, removeTestLibraries } from '../test-library'

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
