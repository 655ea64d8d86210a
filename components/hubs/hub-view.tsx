import type { ReactNode } from 'react'
import { Breadcrumbs } from '@/components/layout/breadcrumbs'
import type { Crumb } from '@/lib/crumbs'
import { Pagination } from '@/components/ui/pagination'
import type { Page } from '@/lib/content'
import { GalleryRail } from '@/components/gallery/gallery-rail'
import type { GalleryTeaser, StoryTeaser } from '@/lib/teasers'
import { StoryGrid } from '@/components/article/story-grid'

interface Props {
  crumbs: Crumb[]
  title: string
  /** Shown under the title: a description, a bio, links out. */
  intro?: ReactNode
  stories: Page<StoryTeaser>
  pageHref: (page: number) => string
  timeZone: string
  /** Galleries of the hub's stories, shown on its first page. */
  galleries?: GalleryTeaser[]
  children?: ReactNode
}

/** The list page shared by category, topic and author hubs. */
export function HubView({
  crumbs,
  title,
  intro,
  stories,
  pageHref,
  timeZone,
  galleries = [],
  children,
}: Props) {
  return (
    <>
      <Breadcrumbs items={crumbs} />
      <header className="mb-8 border-b-4 border-ink pb-4">
        <h1 className="font-serif text-4xl font-black">
          {title}
          {stories.page > 1 && (
            <span className="ml-3 text-xl font-normal text-muted">page {stories.page}</span>
          )}
        </h1>
        {intro}
      </header>
      {stories.page === 1 && <GalleryRail galleries={galleries} className="mb-12" leadFirst />}
      {children}
      {stories.items.length ? (
        <StoryGrid
          stories={stories.items}
          timeZone={timeZone}
          leadFirst={stories.page > 1 || !galleries.length}
        />
      ) : (
        <p className="text-muted">No stories here yet.</p>
      )}
      <Pagination
        page={stories.page}
        pageCount={stories.pageCount}
        href={pageHref}
        label={`${title} pages`}
      />
    </>
  )
}
