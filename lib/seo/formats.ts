/**
 * Structured data of the story formats: a ranked list's ItemList, a review's Review, a video's
 * VideoObject and live coverage's LiveBlogPosting, beside (or, for live coverage, instead of)
 * the NewsArticle every story has.
 */
import type {
  Book,
  CreativeWork,
  ItemList,
  LiveBlogPosting,
  Movie,
  MusicAlbum,
  Review,
  TVSeason,
  TVSeries,
  VideoGame,
  VideoObject,
  WithContext,
} from 'schema-dts'
import type { Article, Library, Review as ReviewContent } from '@/lib/content'
import { liveBody, rankedList, embedUrl } from '@/lib/formats'
import { textOf } from '@/lib/content/hast'
import { absoluteUrl } from './json-ld'
import { newsArticleJsonLd, organization, personOf } from './structured-data'

const CONTEXT = 'https://schema.org' as const

function authorsOf(library: Library, article: Article) {
  return article.authors.flatMap((slug) => {
    const author = library.authorBySlug.get(slug)
    return author ? [personOf(library.site, author)] : []
  })
}

/** One ListItem per entry: its number, its title and its anchor on the page. */
export function itemListJsonLd(library: Library, article: Article): WithContext<ItemList> {
  const url = absoluteUrl(library.site.url, article.url)
  const { entries } = rankedList(article.body)
  return {
    '@context': CONTEXT,
    '@type': 'ItemList',
    name: article.title,
    url,
    numberOfItems: entries.length,
    itemListOrder:
      article.list?.order === 'up'
        ? 'https://schema.org/ItemListOrderAscending'
        : 'https://schema.org/ItemListOrderDescending',
    itemListElement: entries.map((entry) => ({
      '@type': 'ListItem',
      position: entry.rank,
      name: entry.title,
      url: `${url}#${entry.id}`,
    })),
  }
}

/** The reviewed thing as its own schema.org type, so a review snippet knows what it rates. */
export function itemReviewed(
  item: ReviewContent['item'],
): TVSeason | TVSeries | Movie | VideoGame | Book | MusicAlbum {
  const common = { name: item.name, ...(item.sameAs.length && { sameAs: item.sameAs }) }
  const year = String(item.year)
  switch (item.kind) {
    case 'tv-season':
      return {
        '@type': 'TVSeason',
        ...common,
        startDate: year,
        ...(item.season && { seasonNumber: item.season }),
        ...(item.series && { partOfSeries: { '@type': 'TVSeries', name: item.series } }),
        ...(item.by && { productionCompany: { '@type': 'Organization', name: item.by } }),
      }
    case 'tv-series':
      return {
        '@type': 'TVSeries',
        ...common,
        startDate: year,
        ...(item.by && { productionCompany: { '@type': 'Organization', name: item.by } }),
      }
    case 'film':
      return {
        '@type': 'Movie',
        ...common,
        dateCreated: year,
        ...(item.by && { director: { '@type': 'Person', name: item.by } }),
      }
    case 'game':
      return {
        '@type': 'VideoGame',
        ...common,
        datePublished: year,
        ...(item.by && { author: { '@type': 'Organization', name: item.by } }),
      }
    case 'book':
      return {
        '@type': 'Book',
        ...common,
        datePublished: year,
        ...(item.by && { author: { '@type': 'Person', name: item.by } }),
      }
    case 'album':
      return {
        '@type': 'MusicAlbum',
        ...common,
        datePublished: year,
        ...(item.by && { byArtist: { '@type': 'MusicGroup', name: item.by } }),
      }
  }
}

/**
 * A critic's review: the publication's writers rate something it does not own (content:check
 * refuses a review of the publication itself, which Google treats as self-serving).
 */
export function reviewJsonLd(library: Library, article: Article): WithContext<Review> | undefined {
  const { review } = article
  if (!review) return undefined
  const { site } = library
  return {
    '@context': CONTEXT,
    '@type': 'Review',
    name: article.title,
    url: absoluteUrl(site.url, article.url),
    reviewBody: review.verdict,
    datePublished: article.publishedAt,
    author: authorsOf(library, article),
    publisher: organization(site),
    itemReviewed: itemReviewed(review.item),
    reviewRating: {
      '@type': 'Rating',
      ratingValue: review.score,
      bestRating: 5,
      worstRating: 0.5,
    },
  }
}

/** A VideoObject per `::video` in the body, its thumbnail the poster from the library. */
export function videoObjectsJsonLd(library: Library, article: Article): WithContext<VideoObject>[] {
  const { site } = library
  return article.videos.map((video) => ({
    '@context': CONTEXT,
    '@type': 'VideoObject',
    name: video.title,
    description: video.description ?? `${video.title}, from “${article.title}”.`,
    thumbnailUrl: absoluteUrl(site.url, video.poster),
    uploadDate: video.uploaded,
    duration: video.duration,
    embedUrl: embedUrl(video),
  }))
}

/**
 * Live coverage: the NewsArticle's fields (headline, authors, images, publisher) on a
 * LiveBlogPosting with its coverage times and one BlogPosting per entry, newest first.
 */
export function liveBlogPostingJsonLd(
  library: Library,
  article: Article,
): WithContext<LiveBlogPosting> | undefined {
  const { live } = article
  if (!live) return undefined
  const { site } = library
  const url = absoluteUrl(site.url, article.url)
  const news = newsArticleJsonLd(library, article)
  const bodies = liveBody(article.body).updates
  const updates: CreativeWork[] = live.updates.map((update) => {
    const text = textOf(bodies.get(update.at) ?? { type: 'root', children: [] })
      .replace(/\s+/g, ' ')
      .trim()
    return {
      '@type': 'BlogPosting',
      headline: update.title ?? (text.length > 110 ? `${text.slice(0, 109)}…` : text),
      datePublished: update.at,
      url: `${url}#${update.id}`,
      articleBody: text,
    }
  })
  return {
    ...news,
    '@type': 'LiveBlogPosting',
    coverageStartTime: live.start,
    ...(live.end && { coverageEndTime: live.end }),
    liveBlogUpdate: updates,
  } as WithContext<LiveBlogPosting>
}

/** Everything a story's format adds to its page's structured data. */
export function formatJsonLd(library: Library, article: Article) {
  return [
    article.format === 'list' ? itemListJsonLd(library, article) : undefined,
    reviewJsonLd(library, article),
    ...videoObjectsJsonLd(library, article),
  ].filter((item) => item !== undefined)
}
