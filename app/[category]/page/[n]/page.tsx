import type { Metadata } from 'next'
import { CategoryHub } from '@/components/hubs/category-hub'
import { pagedUrl } from '@/lib/hubs'
import { categoryPageRoute } from '@/lib/routes/hubs'
import { pageMetadata } from '@/lib/seo/metadata'

export const revalidate = 60

/** Numbered pages render on their first request, then are cached (see lib/prerender.ts). */
export async function generateStaticParams(): Promise<{ category: string; n: string }[]> {
  return []
}

interface Props {
  params: Promise<{ category: string; n: string }>
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { site, hub: category, stories } = await categoryPageRoute.page(params)
  return pageMetadata(site, {
    title: `${category.name}, page ${stories.page}`,
    description: category.description,
    path: pagedUrl(category.url, stories.page),
  })
}

export default async function CategoryPagedPage({ params }: Props) {
  const { site, hub, stories, galleries } = await categoryPageRoute.page(params)
  return (
    <CategoryHub category={hub} stories={stories} galleries={galleries} timeZone={site.timeZone} />
  )
}
