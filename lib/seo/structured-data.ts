import type {
  BreadcrumbList,
  CollectionPage,
  ImageGallery,
  ImageObject,
  NewsArticle,
  Organization,
  ProfilePage,
  WebSite,
  WithContext,
} from 'schema-dts'
import {
  CROPS,
  type Article,
  type Author,
  type Gallery,
  type Library,
  type Site,
  type Slide,
} from '@/lib/content'
import type { Crumb } from '@/lib/crumbs'
import { absoluteUrl } from './json-ld'

const CONTEXT = 'https://schema.org' as const

/** The publisher: name, URL, a logo of at least 112 px, and its profiles. */
export function organization(site: Site): Exclude<Organization, string> {
  return {
    '@type': 'Organization',
    '@id': `${site.url}/#organization`,
    name: site.name,
    url: site.url,
    logo: {
      '@type': 'ImageObject',
      url: absoluteUrl(site.url, site.logo.src),
      width: { '@type': 'QuantitativeValue', value: site.logo.width, unitCode: 'E37' },
      height: { '@type': 'QuantitativeValue', value: site.logo.height, unitCode: 'E37' },
    },
    sameAs: site.social.map((link) => link.url),
  }
}

export function homeJsonLd(site: Site): [WithContext<WebSite>, WithContext<Organization>] {
  return [
    {
      '@context': CONTEXT,
      '@type': 'WebSite',
      '@id': `${site.url}/#website`,
      name: site.name,
      description: site.description,
      url: site.url,
      inLanguage: site.language,
      publisher: { '@id': `${site.url}/#organization` },
    },
    { '@context': CONTEXT, ...organization(site) },
  ]
}

/** A story's image as search engines want it: 16:9, 4:3 and 1:1, each 1200 px wide. */
export function heroCrops(site: Site, src: string): string[] {
  return Object.keys(CROPS).map((crop) => `${absoluteUrl(site.url, src)}?crop=${crop}`)
}

export function newsArticleJsonLd(library: Library, article: Article): WithContext<NewsArticle> {
  const { site } = library
  const url = absoluteUrl(site.url, article.url)
  return {
    '@context': CONTEXT,
    '@type': 'NewsArticle',
    headline: article.title.length > 110 ? `${article.title.slice(0, 109)}…` : article.title,
    description: article.dek,
    url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    image: heroCrops(site, article.hero.src),
    datePublished: article.publishedAt,
    dateModified: article.modifiedAt,
    author: article.authors.flatMap((slug) => {
      const author = library.authorBySlug.get(slug)
      return author ? [personOf(site, author)] : []
    }),
    publisher: organization(site),
    articleSection: library.categoryBySlug.get(article.category)?.name,
    keywords: article.topics.map((slug) => library.topicBySlug.get(slug)?.name ?? slug),
    inLanguage: site.language,
    wordCount: article.wordCount,
    ...(article.source && {
      isBasedOn: { '@type': 'CreativeWork', name: article.source.name, url: article.source.url },
    }),
  }
}

export function personOf(site: Site, author: Author) {
  return {
    '@type': 'Person' as const,
    name: author.name,
    url: absoluteUrl(site.url, author.url),
    jobTitle: author.role,
    image: absoluteUrl(site.url, author.avatar.src),
    ...(author.sameAs.length && { sameAs: author.sameAs }),
  }
}

export function profilePageJsonLd(site: Site, author: Author): WithContext<ProfilePage> {
  return {
    '@context': CONTEXT,
    '@type': 'ProfilePage',
    url: absoluteUrl(site.url, author.url),
    mainEntity: personOf(site, author),
  }
}

export function collectionPageJsonLd(
  site: Site,
  page: { name: string; description: string; url: string; items: string[] },
): WithContext<CollectionPage> {
  return {
    '@context': CONTEXT,
    '@type': 'CollectionPage',
    name: page.name,
    description: page.description,
    url: absoluteUrl(site.url, page.url),
    isPartOf: { '@type': 'WebSite', name: site.name, url: site.url },
    mainEntity: {
      '@type': 'ItemList',
      itemListElement: page.items.map((item, index) => ({
        '@type': 'ListItem',
        position: index + 1,
        url: absoluteUrl(site.url, item),
      })),
    },
  }
}

export function breadcrumbJsonLd(site: Site, crumbs: Crumb[]): WithContext<BreadcrumbList> {
  return {
    '@context': CONTEXT,
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((crumb, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: crumb.name,
      item: absoluteUrl(site.url, crumb.url),
    })),
  }
}

export function photoJsonLd(site: Site, slide: Slide, pageUrl: string): WithContext<ImageObject> {
  return { '@context': CONTEXT, ...imageObject(site, slide, absoluteUrl(site.url, pageUrl)) }
}

function imageObject(site: Site, slide: Slide, pageUrl: string): ImageObject {
  return {
    '@type': 'ImageObject',
    contentUrl: absoluteUrl(site.url, slide.src),
    url: pageUrl,
    width: { '@type': 'QuantitativeValue', value: slide.width, unitCode: 'E37' },
    height: { '@type': 'QuantitativeValue', value: slide.height, unitCode: 'E37' },
    name: slide.title ?? slide.alt,
    description: slide.alt,
    ...(slide.caption && { caption: slide.caption }),
    ...(slide.credit && { creditText: slide.credit }),
    ...(slide.creator && { creator: { '@type': 'Person', name: slide.creator } }),
    ...(slide.copyrightNotice && { copyrightNotice: slide.copyrightNotice }),
    ...(slide.license && { license: slide.license }),
  }
}

export function imageGalleryJsonLd(site: Site, gallery: Gallery): WithContext<ImageGallery> {
  return {
    '@context': CONTEXT,
    '@type': 'ImageGallery',
    name: gallery.title,
    description: gallery.dek,
    url: absoluteUrl(site.url, gallery.url),
    datePublished: gallery.publishedAt,
    publisher: { '@type': 'Organization', name: site.name, url: site.url },
    image: gallery.slides.map((slide, index) =>
      imageObject(site, slide, absoluteUrl(site.url, `${gallery.url}/${index + 1}`)),
    ),
  }
}
