import type { Metadata } from 'next'
import { StoryCard } from '@/components/article/story-card'
import { StoryRail } from '@/components/article/story-rail'
import { GalleryRail } from '@/components/gallery/gallery-rail'
import { homeRoute } from '@/lib/routes/home'
import { pageMetadata } from '@/lib/seo/metadata'

export const revalidate = 60

export async function generateMetadata(): Promise<Metadata> {
  const { site } = await homeRoute()
  const metadata = pageMetadata(site, {
    title: site.name,
    description: site.description,
    path: '/',
  })
  // The home page's title is the site's own name, not "<title> | <site>".
  return { ...metadata, title: { absolute: `${site.name}: ${site.tagline}` } }
}

export default async function HomePage() {
  const { site, lead, latest, picks, galleries, sections } = await homeRoute()
  const timeZone = site.timeZone

  return (
    <>
      <h1 className="sr-only">
        {site.name}: {site.tagline}
      </h1>
      {lead && (
        <section aria-label="Lead story">
          <StoryCard story={lead} timeZone={timeZone} variant="lead" as="h2" lead />
        </section>
      )}
      <StoryRail title="Latest" stories={latest} timeZone={timeZone} variant="compact" />
      <StoryRail title="Editors' picks" stories={picks} timeZone={timeZone} />
      <GalleryRail galleries={galleries} className="mt-12" />
      {sections.map(({ category, stories }) => (
        <StoryRail
          key={category.slug}
          title={category.name}
          stories={stories}
          timeZone={timeZone}
          variant="section"
          more={{ href: category.url, label: `More in ${category.name}` }}
        />
      ))}
    </>
  )
}
