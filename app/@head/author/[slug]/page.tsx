import { JsonLd } from '@/components/seo/json-ld'
import { hubCrumbs } from '@/lib/crumbs'
import { authorRoute } from '@/lib/routes/hubs'
import { breadcrumbJsonLd, profilePageJsonLd } from '@/lib/seo/structured-data'

/** ProfilePage with the author as a Person, and BreadcrumbList. */
export default async function AuthorHead({ params }: { params: Promise<{ slug: string }> }) {
  const route = await authorRoute.head(params)
  if (!route) return null
  const { site, hub: author } = route
  return (
    <JsonLd
      data={[
        profilePageJsonLd(site, author),
        breadcrumbJsonLd(site, hubCrumbs(author.name, author.url)),
      ]}
    />
  )
}
