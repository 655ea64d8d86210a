import type { BreadcrumbList, ImageGallery, ImageObject, WithContext } from 'schema-dts'
import type { Gallery, Site, Slide } from '@/lib/content'
import { absoluteUrl } from './json-ld'

export interface Crumb {
  name: string
  url: string
}

export function breadcrumbJsonLd(site: Site, crumbs: Crumb[]): WithContext<BreadcrumbList> {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((crumb, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: crumb.name,
      item: absoluteUrl(site.url, crumb.url),
    })),
  }
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
    '@context': 'https://schema.org',
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
