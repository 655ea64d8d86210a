import type { Metadata } from 'next'
import { notFound, permanentRedirect } from 'next/navigation'
import { CategoryHub } from '@/components/hubs/category-hub'
import { findCategory, getLibrary, movedCategory } from '@/lib/content'
import { hubPageCount, pagedUrl } from '@/lib/hubs'
import { categoryPageParams, parseParams } from '@/lib/params'
import { pageMetadata } from '@/lib/seo/metadata'

export const revalidate = 60

/** Numbered pages render on their first request, then are cached (see lib/prerender.ts). */
export async function generateStaticParams(): Promise<{ category: string; n: string }[]> {
  return []
}

interface Props {
  params: Promise<{ category: string; n: string }>
}

async function load(params: Props['params']) {
  const { category: slug, n } = await parseParams(params, categoryPageParams)
  const library = await getLibrary()
  const category = findCategory(library, slug)
  const moved = category ? undefined : movedCategory(library, slug)
  if (moved) permanentRedirect(pagedUrl(moved.url, n))
  if (!category || n > hubPageCount(library, { category: slug })) notFound()
  if (n === 1) permanentRedirect(category.url)
  return { library, category, n }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { library, category, n } = await load(params)
  return pageMetadata(library.site, {
    title: `${category.name}, page ${n}`,
    description: category.description,
    path: pagedUrl(category.url, n),
  })
}

export default async function CategoryPagedPage({ params }: Props) {
  const { library, category, n } = await load(params)
  return <CategoryHub library={library} category={category} page={n} />
}
