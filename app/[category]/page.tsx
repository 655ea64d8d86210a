import type { Metadata } from 'next'
import { CategoryHub } from '@/components/hubs/category-hub'
import { categoryStaticParams } from '@/lib/prerender'
import { categoryRoute } from '@/lib/routes/hubs'
import { pageMetadata } from '@/lib/seo/metadata'

export const revalidate = 60

export async function generateStaticParams() {
  return categoryStaticParams()
}

interface Props {
  params: Promise<{ category: string }>
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { site, hub: category } = await categoryRoute.page(params)
  return pageMetadata(site, {
    title: category.name,
    description: category.description,
    path: category.url,
  })
}

export default async function CategoryPage({ params }: Props) {
  const { site, hub, stories, galleries } = await categoryRoute.page(params)
  return (
    <CategoryHub category={hub} stories={stories} galleries={galleries} timeZone={site.timeZone} />
  )
}
