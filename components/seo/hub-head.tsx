import { JsonLd } from '@/components/seo/json-ld'
import type { Page, Site } from '@/lib/content'
import { hubCrumbs } from '@/lib/crumbs'
import { pagedUrl } from '@/lib/hubs'
import { breadcrumbJsonLd, collectionPageJsonLd } from '@/lib/seo/structured-data'

interface Props {
  site: Site
  stories: Page<{ url: string }>
  name: string
  description: string
  url: string
}

/** CollectionPage (the stories on this page of the hub) and BreadcrumbList. */
export function HubHead({ site, stories, name, description, url }: Props) {
  return (
    <JsonLd
      data={[
        collectionPageJsonLd(site, {
          name,
          description,
          url: pagedUrl(url, stories.page),
          items: stories.items.map((story) => story.url),
        }),
        breadcrumbJsonLd(site, hubCrumbs(name, url)),
      ]}
    />
  )
}
