import { afterAll, describe, expect, it } from 'vitest'
import { formatIssue } from './errors'
import { relatedArticles, resolveNext } from './related'
import { createTestLibrary, removeTestLibraries, type Fields } from './test-library'
import type { Article, Library } from './types'

afterAll(removeTestLibraries)

const NOW = Date.parse('2026-12-01T12:00:00-05:00')

/** A publishedAt on a day of November 2026. */
function nov(day: number): string {
  return `2026-11-${String(day).padStart(2, '0')}T09:00:00-05:00`
}

/** A library holding exactly these stories (plus the fixture's categories, topics and authors). */
async function libraryOf(stories: Record<string, Fields>): Promise<Library> {
  const content = await createTestLibrary({ articles: false })
  await Promise.all(
    Object.entries(stories).map(([slug, fields]) => content.writeArticle(slug, fields)),
  )
  const { library, issues } = await content.load()
  const errors = issues.filter((issue) => issue.severity === 'error').map((i) => formatIssue(i))
  if (!library || errors.length) throw new Error(`test library is invalid:\n${errors.join('\n')}`)
  return library
}

function story(library: Library, slug: string): Article {
  const article = library.articleBySlug.get(slug)
  if (!article) throw new Error(`no article ${slug}`)
  return article
}

const SUBJECT: Fields = {
  category: 'tv',
  topics: ['luke-cage', 'marvel-netflix'],
  publishedAt: nov(20),
}

/** Luke Cage is the rare topic (3 stories), Marvel's Netflix series the common one (5). */
const RANKING: Record<string, Fields> = {
  subject: SUBJECT,
  'shares-both': {
    category: 'movies',
    topics: ['marvel-netflix', 'luke-cage'],
    publishedAt: nov(19),
  },
  'shares-rare': { category: 'movies', topics: ['luke-cage'], publishedAt: nov(19) },
  'shares-common': { category: 'movies', topics: ['marvel-netflix'], publishedAt: nov(19) },
  'shares-common-older': { category: 'movies', topics: ['marvel-netflix'], publishedAt: nov(10) },
  'shares-common-oldest': { category: 'movies', topics: ['marvel-netflix'], publishedAt: nov(1) },
  'same-category': { category: 'tv', publishedAt: nov(19) },
  unrelated: { category: 'movies', topics: ['mcu'], publishedAt: nov(19) },
  draft: { category: 'tv', topics: ['luke-cage'], publishedAt: nov(19), draft: true },
  scheduled: { category: 'tv', topics: ['luke-cage'], publishedAt: '2027-01-05T09:00:00-05:00' },
}

describe('relatedArticles', () => {
  it('ranks rare shared topics over common ones, then the category, nearest first', async () => {
    const library = await libraryOf(RANKING)
    const picks = relatedArticles(library, story(library, 'subject'), { now: NOW, limit: 10 })
    expect(picks.map((pick) => pick.article.slug)).toEqual([
      'shares-both',
      'shares-rare',
      'shares-common',
      'shares-common-older',
      'shares-common-oldest',
      'same-category',
    ])
  })

  it('gives the reason: the rarest shared topic, else the category', async () => {
    const library = await libraryOf(RANKING)
    const picks = relatedArticles(library, story(library, 'subject'), { now: NOW, limit: 10 })
    const reasons = Object.fromEntries(picks.map((pick) => [pick.article.slug, pick.reason]))
    expect(reasons).toMatchObject({
      'shares-both': 'More on Luke Cage',
      'shares-rare': 'More on Luke Cage',
      'shares-common': "More on Marvel's Netflix series",
      'same-category': 'More in TV News',
    })
  })

  it('never offers the story itself, a draft or a scheduled story', async () => {
    const library = await libraryOf(RANKING)
    const slugs = relatedArticles(library, story(library, 'subject'), { now: NOW, limit: 50 }).map(
      (pick) => pick.article.slug,
    )
    expect(slugs).not.toContain('subject')
    expect(slugs).not.toContain('draft')
    expect(slugs).not.toContain('scheduled')
  })

  it('offers a scheduled story once its time has come', async () => {
    const library = await libraryOf(RANKING)
    const later = Date.parse('2027-01-05T09:00:00-05:00')
    const picks = relatedArticles(library, story(library, 'subject'), { now: later, limit: 50 })
    expect(picks.map((pick) => pick.article.slug)).toContain('scheduled')
    expect(picks.map((pick) => pick.article.slug)).not.toContain('draft')
  })

  it('puts the editor picks first, in order, above stronger automatic matches', async () => {
    const library = await libraryOf({
      ...RANKING,
      subject: { ...SUBJECT, related: ['unrelated', 'shares-common', 'draft', 'shares-rare'] },
    })
    const picks = relatedArticles(library, story(library, 'subject'), { now: NOW, limit: 5 })
    expect(picks.map((pick) => pick.article.slug)).toEqual([
      'unrelated',
      'shares-common',
      'shares-rare',
      'shares-both',
      'shares-common-older',
    ])
    expect(picks[0]?.reason).toBe('Related')
  })

  it('decays with the time between the two stories, before or after', async () => {
    const library = await libraryOf({
      subject: { category: 'tv', publishedAt: nov(15) },
      'month-before': { category: 'tv', publishedAt: '2026-10-15T09:00:00-04:00' },
      'week-after': { category: 'tv', publishedAt: nov(22) },
      'day-before': { category: 'tv', publishedAt: nov(14) },
    })
    const picks = relatedArticles(library, story(library, 'subject'), { now: NOW })
    expect(picks.map((pick) => pick.article.slug)).toEqual([
      'day-before',
      'week-after',
      'month-before',
    ])
    const [first, , last] = picks
    expect(first && last && first.score > last.score).toBe(true)
  })

  it('breaks a tie in favour of the newer story', async () => {
    const library = await libraryOf({
      subject: { category: 'tv', publishedAt: nov(15) },
      earlier: { category: 'tv', publishedAt: nov(13) },
      later: { category: 'tv', publishedAt: nov(17) },
    })
    const picks = relatedArticles(library, story(library, 'subject'), { now: NOW })
    expect(picks[0]?.score).toBeCloseTo(picks[1]?.score ?? NaN, 10)
    expect(picks.map((pick) => pick.article.slug)).toEqual(['later', 'earlier'])
  })

  it('returns at most four by default, and honours limit and exclude', async () => {
    const library = await libraryOf(RANKING)
    const subject = story(library, 'subject')
    expect(relatedArticles(library, subject, { now: NOW })).toHaveLength(4)
    const picks = relatedArticles(library, subject, {
      now: NOW,
      limit: 2,
      exclude: new Set(['shares-both']),
    })
    expect(picks.map((pick) => pick.article.slug)).toEqual(['shares-rare', 'shares-common'])
  })
})

describe('resolveNext', () => {
  const NEXT_STORIES: Record<string, Fields> = {
    subject: { ...SUBJECT, next: 'editors-next' },
    'editors-next': { category: 'movies', topics: ['mcu'], publishedAt: nov(2) },
    'best-match': { category: 'tv', topics: ['luke-cage'], publishedAt: nov(19) },
    'second-match': { category: 'tv', topics: ['marvel-netflix'], publishedAt: nov(18) },
  }

  it("follows the editor's next even when it is not related", async () => {
    const library = await libraryOf(NEXT_STORIES)
    expect(resolveNext(library, story(library, 'subject'), { now: NOW })?.slug).toBe('editors-next')
  })

  it("falls back to the best related story when the editor's next is a draft", async () => {
    const library = await libraryOf({
      ...NEXT_STORIES,
      'editors-next': { ...NEXT_STORIES['editors-next'], draft: true },
    })
    expect(resolveNext(library, story(library, 'subject'), { now: NOW })?.slug).toBe('best-match')
  })

  it("falls back while the editor's next is scheduled, and follows it once published", async () => {
    const publishedAt = '2026-12-05T09:00:00-05:00'
    const library = await libraryOf({
      ...NEXT_STORIES,
      'editors-next': { ...NEXT_STORIES['editors-next'], publishedAt },
    })
    const subject = story(library, 'subject')
    expect(resolveNext(library, subject, { now: NOW })?.slug).toBe('best-match')
    expect(resolveNext(library, subject, { now: Date.parse(publishedAt) })?.slug).toBe(
      'editors-next',
    )
  })

  it('skips stories the reader has already been shown, so reading never loops back', async () => {
    const library = await libraryOf({
      ...NEXT_STORIES,
      'best-match': { ...NEXT_STORIES['best-match'], next: 'subject' },
    })
    const subject = story(library, 'subject')
    expect(
      resolveNext(library, subject, { now: NOW, exclude: new Set(['editors-next']) })?.slug,
    ).toBe('best-match')
    // From best-match, whose next is the subject the reader came from:
    const next = resolveNext(library, story(library, 'best-match'), {
      now: NOW,
      exclude: new Set(['subject', 'editors-next']),
    })
    expect(next?.slug).toBe('second-match')
  })

  it('never returns the story itself', async () => {
    const library = await libraryOf(NEXT_STORIES)
    const subject = { ...story(library, 'subject'), next: 'subject' }
    expect(resolveNext(library, subject, { now: NOW })?.slug).toBe('best-match')
  })

  it('returns undefined when no story is left to offer', async () => {
    const library = await libraryOf(NEXT_STORIES)
    const exclude = new Set(['editors-next', 'best-match', 'second-match'])
    expect(resolveNext(library, story(library, 'subject'), { now: NOW, exclude })).toBeUndefined()
    const alone = await libraryOf({ subject: SUBJECT })
    expect(resolveNext(alone, story(alone, 'subject'), { now: NOW })).toBeUndefined()
  })
})
