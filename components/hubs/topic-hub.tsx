import { HubView } from '@/components/hubs/hub-view'
import type { Page, Topic } from '@/lib/content'
import { hubCrumbs } from '@/lib/crumbs'
import { pagedUrl } from '@/lib/hubs'
import type { GalleryTeaser, StoryTeaser } from '@/lib/teasers'

/** A topic hub (a show, franchise or person) at /topic/x and /topic/x/page/n. */
export function TopicHub({
  topic,
  stories,
  galleries,
  timeZone,
}: {
  topic: Topic
  stories: Page<StoryTeaser>
  galleries: GalleryTeaser[]
  timeZone: string
}) {
  return (
    <HubView
      crumbs={hubCrumbs(topic.name, topic.url)}
      title={topic.name}
      intro={
        <>
          <p className="mt-2 max-w-2xl text-muted">{topic.description}</p>
          {topic.sameAs.length > 0 && (
            <ul className="mt-2 flex flex-wrap gap-3 text-sm">
              {topic.sameAs.map((url) => (
                <li key={url}>
                  <a href={url} rel="noopener" className="text-accent hover:underline">
                    {topic.name} on {new URL(url).hostname.replace(/^(www|en)\./, '')}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </>
      }
      stories={stories}
      pageHref={(n) => pagedUrl(topic.url, n)}
      timeZone={timeZone}
      galleries={galleries}
    />
  )
}
