import type { Gallery, Slide } from '@/lib/content'

/** "Luke Cage Season 2 Set Photos, photo 3 of 12": the photo page's title, server and client. */
export function photoTitle(galleryTitle: string, n: number, count: number): string {
  return `${galleryTitle}, photo ${n} of ${count}`
}

export function photoUrl(gallery: Pick<Gallery, 'url'>, n: number): string {
  return `${gallery.url}/${n}`
}

/** What the viewer island needs of each photo: plain data for the client. */
export type ViewerSlide = Pick<
  Slide,
  'src' | 'width' | 'height' | 'alt' | 'caption' | 'credit' | 'title'
>

export function toViewerSlide(slide: Slide): ViewerSlide {
  const { src, width, height, alt, caption, credit, title } = slide
  return { src, width, height, alt, caption, credit, title }
}
