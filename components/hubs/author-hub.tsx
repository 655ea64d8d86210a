import { HubView } from '@/components/hubs/hub-view'
import { Markdown } from '@/components/article/markdown'
import { ResponsiveImage } from '@/components/ui/responsive-image'
import type { Author, Page } from '@/lib/content'
import { hubCrumbs } from '@/lib/crumbs'
import { pagedUrl } from '@/lib/hubs'
import type { GalleryTeaser, StoryTeaser } from '@/lib/teasers'

/** An author's profile (bio, avatar, links) and their stories, at /author/x and /author/x/page/n. */
export function AuthorHub({
  author,
  stories,
  galleries,
  timeZone,
}: {
  author: Author
  stories: Page<StoryTeaser>
  galleries: GalleryTeaser[]
  timeZone: string
}) {
  return (
    <HubView
      crumbs={hubCrumbs(author.name, author.url)}
      title={author.name}
      intro={
        <div className="mt-4 flex flex-col gap-4 sm:flex-row">
          <ResponsiveImage
            image={author.avatar}
            alt={`Portrait of ${author.name}`}
            box={{ width: 128, height: 128 }}
            lead={stories.page === 1}
            className="h-32 w-32 shrink-0 rounded-full object-cover"
          />
          <div>
            <p className="font-semibold">{author.role}</p>
            <Markdown tree={author.bio} className="prose-marquee prose mt-2" />
            {author.sameAs.length > 0 && (
              <ul className="mt-3 flex flex-wrap gap-3 text-sm">
                {author.sameAs.map((url) => (
                  <li key={url}>
                    <a href={url} rel="me noopener" className="text-accent hover:underline">
                      {new URL(url).hostname.replace(/^www\./, '')}
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>
      }
      stories={stories}
      pageHref={(n) => pagedUrl(author.url, n)}
      timeZone={timeZone}
      galleries={galleries}
    >
      <h2 className="mb-6 font-serif text-2xl font-black">Stories by {author.name}</h2>
    </HubView>
  )
}
