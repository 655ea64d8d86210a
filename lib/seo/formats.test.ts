import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Article, Library, Review } from '@/lib/content'
import { loadLibrary } from '@/lib/content/load'
import {
  formatJsonLd,
  itemListJsonLd,
  itemReviewed,
  liveBlogPostingJsonLd,
  reviewJsonLd,
  videoObjectsJsonLd,
} from './formats'

let library: Library
const story = (slug: string): Article => {
  const article = library.articleBySlug.get(slug)
  if (!article) throw new Error(`no story ${slug}`)
  return article
}

beforeAll(async () => {
  const { library: loaded } = await loadLibrary(path.resolve(__dirname, '../../content'))
  if (!loaded) throw new Error('the bundled library does not load')
  library = loaded
}, 60_000)

/** The types Google's review snippets accept for itemReviewed (the ones Marquee can produce). */
const REVIEWABLE = ['TVSeason', 'TVSeries', 'Movie', 'VideoGame', 'Book', 'MusicAlbum']

describe('ItemList', () => {
  it('lists a countdown entry by entry: its number, title and anchor', () => {
    const list = itemListJsonLd(library, story('worst-mcu-netflix-episodes'))
    const items = list.itemListElement as unknown as {
      position: number
      name: string
      url: string
    }[]
    expect(list.numberOfItems).toBe(20)
    expect(list.itemListOrder).toBe('https://schema.org/ItemListOrderDescending')
    expect(items.map((item) => item.position)).toEqual(Array.from({ length: 20 }, (_, i) => 20 - i))
    expect(items[13]).toEqual({
      '@type': 'ListItem',
      position: 7,
      name: 'Iron Fist, season 1, episode 3: "Rolling Thunder Cannon Punch"',
      url: 'https://marquee.example/tv/worst-mcu-netflix-episodes#7',
    })
  })

  it('is only on ranked lists', () => {
    expect(formatJsonLd(library, story('luke-cage-season-2-set-photos'))).toEqual([])
  })
})

describe('Review', () => {
  const reviews = () => library.articles.filter((article) => article.format === 'review')

  it('has what a critic review snippet needs, for each sample review', () => {
    expect(
      reviews()
        .map((review) => review.review?.item.kind)
        .sort(),
    ).toEqual(['film', 'game', 'tv-season'])
    for (const article of reviews()) {
      const review = reviewJsonLd(library, article) as unknown as {
        itemReviewed: Record<string, unknown>
        reviewRating: Record<string, number>
        author: { '@type': string; name: string }[]
        publisher: { name: string }
        datePublished: string
      }
      const { itemReviewed: item, reviewRating: rating, author: authors, publisher } = review
      expect(REVIEWABLE).toContain(item['@type'])
      expect(item.name).toBeTruthy()
      expect(authors.length).toBeGreaterThan(0)
      for (const author of authors) expect(author).toMatchObject({ '@type': 'Person' })
      expect(rating.ratingValue).toBeGreaterThanOrEqual(rating.worstRating!)
      expect(rating.ratingValue).toBeLessThanOrEqual(rating.bestRating!)
      expect(review.datePublished).toBe(article.publishedAt)
      // Not self-serving: the publication does not rate itself.
      expect(item.name).not.toBe(publisher.name)
    }
  })

  it('nests a TV season in its series', () => {
    const review = reviewJsonLd(library, story('the-witcher-season-4-review'))
    expect(review?.itemReviewed).toMatchObject({
      '@type': 'TVSeason',
      name: 'The Witcher, season 4',
      seasonNumber: 4,
      partOfSeries: { '@type': 'TVSeries', name: 'The Witcher' },
    })
    expect(review?.reviewRating).toMatchObject({ ratingValue: 3.5, bestRating: 5 })
  })

  it('gives every kind its schema.org type and its maker', () => {
    const item = (kind: Review['item']['kind']) =>
      itemReviewed({ kind, name: 'X', year: 2025, by: 'Someone', sameAs: [] })
    expect(item('book')).toMatchObject({ '@type': 'Book', author: { name: 'Someone' } })
    expect(item('album')).toMatchObject({
      '@type': 'MusicAlbum',
      byArtist: { '@type': 'MusicGroup' },
    })
    expect(item('film')).toMatchObject({ '@type': 'Movie', director: { name: 'Someone' } })
    expect(item('game')).toMatchObject({ '@type': 'VideoGame' })
    expect(item('tv-series')).toMatchObject({ '@type': 'TVSeries' })
  })
})

describe('VideoObject', () => {
  it('has a name, description, poster, upload date, duration and the privacy-enhanced player', () => {
    const [video, ...rest] = videoObjectsJsonLd(library, story('the-witcher-4-trailer-analysis'))
    expect(rest).toEqual([])
    expect(video).toMatchObject({
      '@type': 'VideoObject',
      name: 'The Witcher IV: cinematic reveal trailer',
      thumbnailUrl:
        'https://marquee.example/images/articles/the-witcher-4-trailer-analysis-trailer.webp',
      uploadDate: '2024-12-12T20:00:00-08:00',
      duration: 'PT6M21S',
      embedUrl: 'https://www.youtube-nocookie.com/embed/54dabgZJ5YA',
    })
    expect(video?.description).toBeTruthy()
  })
})

describe('LiveBlogPosting', () => {
  it('has the NewsArticle fields, its coverage times and its updates newest first', () => {
    const posting = liveBlogPostingJsonLd(library, story('emmys-2026-red-carpet-live'))
    expect(posting).toMatchObject({
      '@type': 'LiveBlogPosting',
      headline: expect.stringContaining('Emmys 2026'),
      datePublished: '2026-09-14T17:45:00-04:00',
      dateModified: '2026-09-14T20:05:00-04:00',
      coverageStartTime: '2026-09-14T18:00:00-04:00',
      coverageEndTime: '2026-09-14T20:05:00-04:00',
      publisher: expect.objectContaining({ name: 'Marquee' }),
    })
    const updates = posting?.liveBlogUpdate as unknown as Record<string, string>[]
    expect(updates.map((update) => update.datePublished)).toEqual(
      [...updates.map((update) => update.datePublished)].sort().reverse(),
    )
    // An entry without a title is headed by its first words.
    expect(updates[3]).toMatchObject({
      headline: expect.stringMatching(/^Suits are outnumbering gowns/),
      url: expect.stringMatching(/#update-\d+$/),
    })
    expect(updates[3]?.headline?.length).toBeLessThanOrEqual(110)
  })

  it('is only for live stories', () => {
    expect(liveBlogPostingJsonLd(library, story('worst-mcu-netflix-episodes'))).toBeUndefined()
  })
})
