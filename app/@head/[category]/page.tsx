import { HubHead } from '@/components/seo/hub-head'
import { findCategory, getLibrary } from '@/lib/content'
import { categoryParams, parseParams } from '@/lib/params'

export default async function CategoryHead({ params }: { params: Promise<{ category: string }> }) {
  const { category: slug } = await parseParams(params, categoryParams)
  const library = await getLibrary()
  const category = findCategory(library, slug)
  if (!category) return null
  const { name, description, url } = category
  return (
    <HubHead
      library={library}
      filter={{ category: slug }}
      page={1}
      {...{ name, description, url }}
    />
  )
}
