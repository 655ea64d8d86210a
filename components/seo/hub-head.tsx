import { JsonLd } from '@/components/seo/json-ld'
import type { ArticleFilter, Library } from '@/lib/content'
import { hubCrumbs } from '@/lib/crumbs'
import { hubPage, pagedUrl } from '@/lib/hubs'
import { breadcrumbJsonLd, collectionPageJsonLd } from '@/lib/seo/structured-data'

interface Props {
  library: Library
  filter: ArticleFilter
  page: number
  name: string
  description: string
  url: string
}

/** CollectionPage (the stories on this page of the hub) and BreadcrumbList. */
export function HubHead({ library, filter, page, name, description, url }: Props) {
  const stories = hubPage(library, filter, page)
  if (!stories) return null
  return (
    <JsonLd
      data={[
        collectionPageJsonLd(library.site, {
          name,
          description,
          url: pagedUrl(url, page),
          items: stories.items.map((story) => story.url),
        }),
        breadcrumbJsonLd(library.site, hubCrumbs(name, url)),
      ]}
    />
  )
}
