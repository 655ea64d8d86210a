import { afterAll, describe, expect, it } from 'vitest'
import { formatIssue } from '../errors'
import type { LoadResult } from '../load'
import { createTestLibrary, lineOf, removeTestLibraries } from '../test-library'

afterAll(removeTestLibraries)

function errors(result: LoadResult): string[] {
  return result.issues
    .filter((issue) => issue.severity === 'error')
    .map((issue) => formatIssue({ ...issue, hint: undefined }))
}

const entries = (numbers: number[], text = 'Why it is here.') =>
  numbers.map((n) => `## ${n}. Entry ${n}\n\n${text}\n`).join('\n')

/** Loads a library with one more story, by the fast path and the plain path: both must agree. */
async function load(fields: Record<string, unknown>, body: string) {
  const content = await createTestLibrary()
  await content.writeImage('/images/articles/poster.webp', 1600, 900)
  const text = await content.writeArticle('story', fields, body)
  const fast = await content.load()
  const plain = await content.load({ fastPath: false })
  expect(errors(plain)).toEqual(errors(fast))
  return {
    errors: errors(fast),
    story: fast.library?.articleBySlug.get('story'),
    line: (needle: string) => lineOf(text, needle),
    /** The line of the last line holding `needle`. */
    lastLine: (needle: string) =>
      text.split('\n').findLastIndex((candidate) => candidate.includes(needle)) + 1,
  }
}

describe('ranked lists', () => {
  it('loads a countdown with its order', async () => {
    const { errors, story } = await load(
      { format: 'list', list: { order: 'down' } },
      `Intro.\n\n${entries([3, 2, 1])}\n## The tally\n\nAfter the list.\n`,
    )
    expect(errors).toEqual([])
    expect(story?.format).toBe('list')
    expect(story?.list).toEqual({ order: 'down' })
  })

  it('names the file, line and field of a gap in the numbers', async () => {
    const { errors, line, story } = await load({ format: 'list' }, entries([4, 3, 1]))
    expect(errors).toEqual([
      `articles/story.md:${line('## 1.')}: error: body: entry 1 follows entry 3: the list counts down without gaps (expected 2)`,
    ])
    expect(story).toBeUndefined()
  })

  it('finds a repeated number, and a count up that starts elsewhere than 1', async () => {
    const repeat = await load({ format: 'list', list: { order: 'up' } }, entries([1, 2, 2]))
    expect(repeat.errors).toEqual([
      `articles/story.md:${repeat.lastLine('## 2.')}: error: body: entry 2 is numbered twice`,
    ])
    const start = await load({ format: 'list', list: { order: 'up' } }, entries([2, 3]))
    expect(start.errors).toEqual([
      `articles/story.md:${start.line('## 2.')}: error: body: the list counts up from 1 but starts at 2`,
    ])
    const short = await load({ format: 'list' }, entries([3, 2]))
    expect(short.errors).toEqual([
      `articles/story.md:${short.line('## 2.')}: error: body: the countdown ends at 2, not 1`,
    ])
  })

  it('refuses an empty entry and an entry without a title', async () => {
    const { errors, line } = await load(
      { format: 'list' },
      '## 3. Has words\n\nText.\n\n## 2. Nothing under it\n\n## 1.\n\nText.\n',
    )
    expect(errors).toEqual([
      `articles/story.md:${line('## 2.')}: error: body: entry 2 is empty`,
      `articles/story.md:${line('## 1.')}: error: body: entry 1 has no title`,
    ])
  })
})

describe('reviews', () => {
  const review = {
    item: { kind: 'film', name: 'A Film', year: 2025, by: 'A Director' },
    score: 3.5,
    verdict: 'Good.',
  }

  it('loads a review', async () => {
    const { errors, story } = await load({ format: 'review', review }, 'Text.\n')
    expect(errors).toEqual([])
    expect(story?.review).toMatchObject({ score: 3.5, pros: [], cons: [] })
  })

  it('names the line of a review without a score', async () => {
    const unscored = { ...review, score: undefined }
    const { errors, line } = await load({ format: 'review', review: unscored }, 'Text.\n')
    expect(errors).toEqual([
      `articles/story.md:${line('review:')}: error: review.score: is required (expected number)`,
    ])
  })

  it('wants half steps between 0.5 and 5, and the block with its format', async () => {
    const quarter = await load({ format: 'review', review: { ...review, score: 3.25 } }, 'Text.\n')
    expect(quarter.errors[0]).toMatch(/error: review\.score: expected a score in half steps/)
    const missing = await load({ format: 'review' }, 'Text.\n')
    expect(missing.errors[0]).toMatch(/error: review: is required when format is review$/)
    const stray = await load({ review }, 'Text.\n')
    expect(stray.errors[0]).toMatch(/error: review: belongs to format: review/)
  })
})

describe('::video', () => {
  const video = (attributes: string) => `Intro.\n\n::video{${attributes}}\n\nAfter.\n`
  const good =
    'provider="youtube" id="abcdefghijk" title="A trailer" poster="/images/articles/poster.webp" uploaded="2026-01-02T10:00:00-05:00" duration="PT2M31S"'

  it('loads a video with its attributes', async () => {
    const { errors, story } = await load({}, video(good))
    expect(errors).toEqual([])
    expect(story?.videos).toEqual([
      {
        provider: 'youtube',
        id: 'abcdefghijk',
        title: 'A trailer',
        poster: '/images/articles/poster.webp',
        uploaded: '2026-01-02T10:00:00-05:00',
        duration: 'PT2M31S',
      },
    ])
  })

  it('names the line of a video without a poster', async () => {
    const { errors, line } = await load(
      {},
      video(good.replace(' poster="/images/articles/poster.webp"', '')),
    )
    expect(errors).toEqual([
      `articles/story.md:${line('::video')}: error: body: ::video poster: is required`,
    ])
  })

  it('refuses a poster that is not in the library and a malformed duration', async () => {
    const missing = await load({}, video(good.replace('poster.webp', 'nope.webp')))
    expect(missing.errors[0]).toMatch(
      /body: ::video poster \/images\/articles\/nope\.webp not found$/,
    )
    const duration = await load({}, video(good.replace('PT2M31S', '2:31')))
    expect(duration.errors[0]).toMatch(/body: ::video duration: expected an ISO 8601 duration/)
  })
})

describe('live coverage', () => {
  const live = { start: '2026-09-14T18:00:00-04:00', end: '2026-09-14T20:00:00-04:00' }
  const update = (attributes: string, text = 'Something happened.') =>
    `:::update{${attributes}}\n${text}\n:::\n`

  it('loads the updates newest first, pinned and titled', async () => {
    const { errors, story } = await load(
      { format: 'live', live, publishedAt: '2026-09-14T17:45:00-04:00' },
      `Summary.\n\n${update('at="2026-09-14T18:05:00-04:00" title="Doors open"')}\n${update('at="2026-09-14T19:00:00-04:00" pinned')}`,
    )
    expect(errors).toEqual([])
    expect(story?.live?.updates).toEqual([
      expect.objectContaining({ at: '2026-09-14T19:00:00-04:00', pinned: true }),
      expect.objectContaining({
        at: '2026-09-14T18:05:00-04:00',
        title: 'Doors open',
        pinned: false,
      }),
    ])
    expect(story?.live?.updates[0]?.id).toBe(
      `update-${Date.parse('2026-09-14T19:00:00-04:00') / 1000}`,
    )
    expect(story?.modifiedAt).toBe('2026-09-14T19:00:00-04:00')
  })

  it('names the line of a live entry without a time', async () => {
    const { errors, line } = await load(
      { format: 'live', live },
      `Summary.\n\n${update('title="When?"')}`,
    )
    expect(errors).toEqual([
      `articles/story.md:${line(':::update')}: error: body: :::update is missing its time (at)`,
    ])
  })

  it('refuses two entries at the same time, and entries outside a live story', async () => {
    const twice = await load(
      { format: 'live', live },
      `${update('at="2026-09-14T18:05:00-04:00"')}\n${update('at="2026-09-14T18:05:00-04:00"')}`,
    )
    expect(twice.errors[0]).toMatch(/body: two updates at 2026-09-14T18:05:00-04:00$/)
    const stray = await load({}, `Text.\n\n${update('at="2026-09-14T18:05:00-04:00"')}`)
    expect(stray.errors[0]).toMatch(/body: :::update belongs in a live story \(format: live\)$/)
  })
})
