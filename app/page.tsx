import type { Metadata } from 'next'
import { StoryCard } from '@/components/article/story-card'
import { StoryRail } from '@/components/article/story-rail'
import { GalleryRail } from '@/components/gallery/gallery-rail'
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
      <GalleryRail galleries={galleries} className="mt-12" />
      {library.categories.map((category) => (
        <StoryRail
          key={category.slug}
          title={category.name}
          stories={publishedArticles(library, { category: category.slug })
            .slice(0, 5)
            .map((article) => toTeaser(library, article))}
          timeZone={timeZone}
          variant="section"
          more={{ href: category.url, label: `More in ${category.name}` }}
        />
      ))}
    </>
  )
}
