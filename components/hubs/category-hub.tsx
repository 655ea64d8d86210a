import { HubView } from '@/components/hubs/hub-view'
import type { Category, Page } from '@/lib/content'
import { hubCrumbs } from '@/lib/crumbs'
import { pagedUrl } from '@/lib/hubs'
import type { GalleryTeaser, StoryTeaser } from '@/lib/teasers'

/** A category hub ("More in TV News") at /tv and /tv/page/n. */
export function CategoryHub({
  category,
  stories,
  galleries,
  timeZone,
}: {
  category: Category
  stories: Page<StoryTeaser>
  galleries: GalleryTeaser[]
  timeZone: string
}) {
  return (
    <HubView
      crumbs={hubCrumbs(category.name, category.url)}
      title={category.name}
      intro={<p className="mt-2 max-w-2xl text-muted">{category.description}</p>}
      stories={stories}
      pageHref={(n) => pagedUrl(category.url, n)}
      timeZone={timeZone}
      galleries={galleries}
    />
  )
}
