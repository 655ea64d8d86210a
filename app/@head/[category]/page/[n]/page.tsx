import { HubHead } from '@/components/seo/hub-head'
import { findCategory, getLibrary } from '@/lib/content'
import { categoryPageParams, parseParams } from '@/lib/params'

export default async function CategoryPageHead({
  params,
}: {
  params: Promise<{ category: string; n: string }>
}) {
  const { category: slug, n } = await parseParams(params, categoryPageParams)
  const library = await getLibrary()
  const category = findCategory(library, slug)
  if (!category) return null
  const { name, description, url } = category
  return (
    <HubHead
      library={library}
      filter={{ category: slug }}
      page={n}
      {...{ name, description, url }}
    />
  )
}
