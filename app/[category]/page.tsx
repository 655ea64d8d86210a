import type { Metadata } from 'next'
import { notFound, permanentRedirect } from 'next/navigation'
import { CategoryHub } from '@/components/hubs/category-hub'
import { findCategory, getLibrary, movedCategory } from '@/lib/content'
import { categoryParams, parseParams } from '@/lib/params'
import { pageMetadata } from '@/lib/seo/metadata'

export const revalidate = 60

export async function generateStaticParams() {
  const library = await getLibrary()
  return library.categories.map((category) => ({ category: category.slug }))
}

interface Props {
  params: Promise<{ category: string }>
}

async function load(params: Props['params']) {
  const { category: slug } = await parseParams(params, categoryParams)
  const library = await getLibrary()
  const category = findCategory(library, slug)
  if (!category) {
    const moved = movedCategory(library, slug)
    if (moved) permanentRedirect(moved.url)
    notFound()
  }
  return { library, category }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { library, category } = await load(params)
  return pageMetadata(library.site, {
    title: category.name,
    description: category.description,
    path: category.url,
  })
}

export default async function CategoryPage({ params }: Props) {
  const { library, category } = await load(params)
  return <CategoryHub library={library} category={category} page={1} />
}
