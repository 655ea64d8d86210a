import type { Metadata } from 'next'
import { StoryCard } from '@/components/article/story-card'
import { StoryRail } from '@/components/article/story-rail'
import { GalleryCard } from '@/components/gallery/gallery-card'
import { editorsPicks, getLibrary, publishedArticles, publishedGalleries } from '@/lib/content'
import { pageMetadata } from '@/lib/seo/metadata'
import { toGalleryTeaser, toTeaser } from '@/lib/teasers'

export const revalidate = 60

export async function generateMetadata(): Promise<Metadata> {
  const { site } = await getLibrary()
  const metadata = pageMetadata(site, {
    title: site.name,
    description: site.description,
    path: '/',
  })
  // The home page's title is the site's own name, not "<title> | <site>".
  return { ...metadata, title: { absolute: `${site.name}: ${site.tagline}` } }
}

export default async function HomePage() {
  const library = await getLibrary()
  const { site } = library
  const timeZone = site.timeZone
  const [lead, ...rest] = publishedArticles(library)
  const picks = editorsPicks(library).filter((article) => article.slug !== lead?.slug)
  const galleries = publishedGalleries(library)
    .slice(0, 3)
    .map(toGalleryTeaser)
    .filter((gallery) => gallery !== undefined)

  return (
    <>
      <h1 className="sr-only">
        {site.name}: {site.tagline}
      </h1>
      {lead && (
        <section aria-label="Lead story">
          <StoryCard
            story={toTeaser(library, lead)}
            timeZone={timeZone}
            variant="lead"
            as="h2"
            lead
          />
        </section>
      )}
      <StoryRail
        title="Latest"
        stories={rest.slice(0, 6).map((article) => toTeaser(library, article))}
        timeZone={timeZone}
        variant="compact"
      />
      <StoryRail
        title="Editors' picks"
        stories={picks.slice(0, 4).map((article) => toTeaser(library, article))}
        timeZone={timeZone}
      />
      {galleries.length > 0 && (
        <section aria-labelledby="rail-galleries" className="mt-12">
          <h2
            id="rail-galleries"
            className="mb-5 border-t-4 border-ink pt-2 font-serif text-2xl font-black"
          >
            Galleries
          </h2>
          <ul className="grid gap-6 sm:grid-cols-2 lg:grid-cols-3">
            {galleries.map((gallery) => (
              <li key={gallery.slug}>
                <GalleryCard gallery={gallery} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {library.categories.map((category) => (
        <StoryRail
          key={category.slug}
          title={category.name}
          stories={publishedArticles(library, { category: category.slug })
            .slice(0, 4)
            .map((article) => toTeaser(library, article))}
          timeZone={timeZone}
          more={{ href: category.url, label: `More in ${category.name}` }}
        />
      ))}
    </>
  )
}
