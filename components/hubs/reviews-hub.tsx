import { HubView } from '@/components/hubs/hub-view'
import type { Page } from '@/lib/content'
import { hubCrumbs } from '@/lib/crumbs'
import { pagedUrl } from '@/lib/hubs'
import type { ReviewsHub as Hub } from '@/lib/routes/hubs'
import type { GalleryTeaser, StoryTeaser } from '@/lib/teasers'

/** Every review, newest first, at /reviews and /reviews/page/n; each card shows its score. */
export function ReviewsHub({
  hub,
  stories,
  galleries,
  timeZone,
}: {
  hub: Hub
  stories: Page<StoryTeaser>
  galleries: GalleryTeaser[]
  timeZone: string
}) {
  return (
    <HubView
      crumbs={hubCrumbs(hub.name, hub.url)}
      title={hub.name}
      intro={<p className="mt-2 max-w-2xl text-muted">{hub.description}</p>}
      stories={stories}
      pageHref={(n) => pagedUrl(hub.url, n)}
      timeZone={timeZone}
      galleries={galleries}
    />
  )
}
