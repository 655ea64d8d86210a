import { HubView } from '@/components/hubs/hub-view'
import type { Category, Library } from '@/lib/content'
import { hubCrumbs } from '@/lib/crumbs'
import { hubGalleries, hubPage, pagedUrl } from '@/lib/hubs'
import { notFound } from 'next/navigation'

/** A category hub ("More in TV News") at /tv and /tv/page/n. */
export function CategoryHub({
  library,
  category,
  page,
}: {
  library: Library
  category: Category
  page: number
}) {
  const stories = hubPage(library, { category: category.slug }, page)
  if (!stories) notFound()
  return (
    <HubView
      crumbs={hubCrumbs(category.name, category.url)}
      title={category.name}
      intro={<p className="mt-2 max-w-2xl text-muted">{category.description}</p>}
      stories={stories}
      pageHref={(n) => pagedUrl(category.url, n)}
      timeZone={library.site.timeZone}
      galleries={hubGalleries(library, { category: category.slug })}
    />
  )
}
