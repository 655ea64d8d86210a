import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { hubPage, hubPageCount, pagedUrl, STORIES_PER_PAGE } from '@/lib/hubs'
import {
  editorsPicks,
  findArticle,
  findGallery,
  moreInCategory,
  paginate,
  publishedArticles,
  publishedGalleries,
  unpublished,
} from './index'
import { isPublished } from './publishing'
import { createTestLibrary, removeTestLibraries } from './test-library'
import type { Library } from './types'

const NOW = Date.parse('2026-12-01T12:00:00-05:00')
const SCHEDULED_AT = '2026-12-10T09:00:00-05:00'
const AFTER = Date.parse(SCHEDULED_AT)

let library: Library

beforeAll(async () => {
  const content = await createTestLibrary()
  await content.writeArticle('draft-story', {
    publishedAt: '2026-11-25T09:00:00-05:00',
    draft: true,
  })
  await content.writeArticle('scheduled-story', { publishedAt: SCHEDULED_AT })
  await content.writeGallery('draft-gallery', { draft: true })
  await content.writeGallery('scheduled-gallery', { publishedAt: SCHEDULED_AT })
  await content.edit(
    'site.yaml',
    'editorsPicks:\n',
    'editorsPicks:\n  - scheduled-story\n  - draft-story\n',
  )
  const result = await content.load()
  if (!result.library || result.issues.length) throw new Error('the test library is not clean')
  library = result.library
})

afterAll(removeTestLibraries)

const slugs = (items: { slug: string }[]) => items.map((item) => item.slug)

describe('isPublished', () => {
  const item = { draft: false, publishedTime: AFTER }

  it('shows an item from the millisecond of its publishedAt, not before', () => {
    expect(isPublished(item, AFTER - 1)).toBe(false)
    expect(isPublished(item, AFTER)).toBe(true)
    expect(isPublished(item, AFTER + 86_400_000)).toBe(true)
  })

  it('never shows a draft, whatever its date', () => {
    expect(isPublished({ draft: true, publishedTime: 0 }, AFTER)).toBe(false)
  })
})

describe('the publishing rule in every lookup', () => {
  it('keeps drafts and scheduled stories in the library but out of publishedArticles', () => {
    expect(library.articleBySlug.has('draft-story')).toBe(true)
    expect(library.articleBySlug.has('scheduled-story')).toBe(true)
    expect(slugs(publishedArticles(library, {}, NOW))).toEqual([
      'luke-cage-set-photos',
      'daredevil-first-look',
      'doomsday-trailer',
    ])
  })

  it('lists a scheduled story, newest first, once its time has passed; never a draft', () => {
    expect(slugs(publishedArticles(library, {}, AFTER))).toEqual([
      'scheduled-story',
      'luke-cage-set-photos',
      'daredevil-first-look',
      'doomsday-trailer',
    ])
  })

  it('narrows published stories to a category, a topic or an author', () => {
    expect(slugs(publishedArticles(library, { category: 'movies' }, AFTER))).toEqual([
      'doomsday-trailer',
    ])
    expect(slugs(publishedArticles(library, { topic: 'marvel-netflix' }, AFTER))).toEqual([
      'luke-cage-set-photos',
      'daredevil-first-look',
    ])
    expect(slugs(publishedArticles(library, { author: 'leo-hartmann' }, AFTER))).toEqual([
      'daredevil-first-look',
      'doomsday-trailer',
    ])
    expect(
      slugs(publishedArticles(library, { category: 'tv', author: 'dana-okafor' }, NOW)),
    ).toEqual(['luke-cage-set-photos'])
  })

  it('finds neither a draft nor a scheduled story by slug until it is published', () => {
    expect(findArticle(library, 'draft-story', { now: NOW })).toBeUndefined()
    expect(findArticle(library, 'draft-story', { now: AFTER })).toBeUndefined()
    expect(findArticle(library, 'scheduled-story', { now: NOW })).toBeUndefined()
    expect(findArticle(library, 'scheduled-story', { now: AFTER })?.slug).toBe('scheduled-story')
    expect(findArticle(library, 'luke-cage-set-photos', { now: NOW })?.slug).toBe(
      'luke-cage-set-photos',
    )
    expect(findArticle(library, 'no-such-story', { now: NOW })).toBeUndefined()
  })

  it('finds drafts and scheduled stories and galleries in preview, and still nothing unknown', () => {
    const preview = { now: NOW, preview: true }
    expect(findArticle(library, 'draft-story', preview)?.slug).toBe('draft-story')
    expect(findArticle(library, 'scheduled-story', preview)?.slug).toBe('scheduled-story')
    expect(findGallery(library, 'draft-gallery', preview)?.slug).toBe('draft-gallery')
    expect(findArticle(library, 'no-such-story', preview)).toBeUndefined()
  })

  it('lists what preview adds: scheduled first, soonest first, then drafts', () => {
    const waiting = unpublished(library, NOW)
    expect(slugs(waiting.articles)).toEqual(['scheduled-story', 'draft-story'])
    expect(slugs(waiting.galleries)).toEqual(['scheduled-gallery', 'draft-gallery'])
    expect(slugs(unpublished(library, AFTER).articles)).toEqual(['draft-story'])
  })

  it('finds neither a draft nor a scheduled gallery until it is published', () => {
    expect(findGallery(library, 'draft-gallery', { now: AFTER })).toBeUndefined()
    expect(findGallery(library, 'scheduled-gallery', { now: NOW })).toBeUndefined()
    expect(findGallery(library, 'scheduled-gallery', { now: AFTER })?.slug).toBe(
      'scheduled-gallery',
    )
    expect(slugs(publishedGalleries(library, NOW))).toEqual(['set-photos'])
    expect(slugs(publishedGalleries(library, AFTER))).toEqual(['scheduled-gallery', 'set-photos'])
  })

  it('leaves unpublished stories out of the editors picks, in the editors order', () => {
    // site.yaml lists: scheduled-story, draft-story, daredevil-first-look, luke-cage-set-photos.
    expect(slugs(editorsPicks(library, NOW))).toEqual([
      'daredevil-first-look',
      'luke-cage-set-photos',
    ])
    expect(slugs(editorsPicks(library, AFTER))).toEqual([
      'scheduled-story',
      'daredevil-first-look',
      'luke-cage-set-photos',
    ])
  })

  it('offers more in the category without the story itself or unpublished stories', () => {
    const article = library.articleBySlug.get('daredevil-first-look')
    expect(article).toBeDefined()
    expect(slugs(moreInCategory(library, article!, 5, NOW))).toEqual(['luke-cage-set-photos'])
    expect(slugs(moreInCategory(library, article!, 5, AFTER))).toEqual([
      'scheduled-story',
      'luke-cage-set-photos',
    ])
    expect(moreInCategory(library, article!, 1, AFTER)).toHaveLength(1)
  })
})

describe('paginate', () => {
  const items = Array.from({ length: 25 }, (_, index) => index + 1)

  it('slices 1-based pages and says how many there are', () => {
    expect(paginate(items, 1, 10)).toEqual({
      items: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
      page: 1,
      pageCount: 3,
      total: 25,
    })
    expect(paginate(items, 3, 10)?.items).toEqual([21, 22, 23, 24, 25])
  })

  it.each([4, 0, -1, 1.5, Number.NaN])('returns undefined for page %s', (page) => {
    expect(paginate(items, page, 10)).toBeUndefined()
  })

  it('has one empty first page for an empty list, and nothing after it', () => {
    expect(paginate([], 1, 10)).toEqual({ items: [], page: 1, pageCount: 1, total: 0 })
    expect(paginate([], 2, 10)).toBeUndefined()
  })
})

describe('hub pages', () => {
  // Hubs ask the clock: hold it before the scheduled story.
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(NOW)
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('pages the published stories of a hub and stops after the last page', () => {
    expect(STORIES_PER_PAGE).toBeGreaterThan(3)
    const page = hubPage(library, { category: 'tv' }, 1)
    expect(page?.items.map((teaser) => teaser.slug)).toEqual([
      'luke-cage-set-photos',
      'daredevil-first-look',
    ])
    expect(page?.items[0]?.category).toEqual({ name: 'TV News', url: '/tv' })
    expect(hubPage(library, { category: 'tv' }, 2)).toBeUndefined()
    expect(hubPageCount(library, { category: 'tv' })).toBe(1)
  })

  it('gives page 1 the hub address and later pages /page/n', () => {
    expect(pagedUrl('/tv', 1)).toBe('/tv')
    expect(pagedUrl('/tv', 2)).toBe('/tv/page/2')
  })
})
