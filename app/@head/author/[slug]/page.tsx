import { JsonLd } from '@/components/seo/json-ld'
import { findAuthor, getLibrary } from '@/lib/content'
import { hubCrumbs } from '@/lib/crumbs'
import { parseParams, slugParams } from '@/lib/params'
import { breadcrumbJsonLd, profilePageJsonLd } from '@/lib/seo/structured-data'

/** ProfilePage with the author as a Person, and BreadcrumbList. */
export default async function AuthorHead({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await parseParams(params, slugParams)
  const library = await getLibrary()
  const author = findAuthor(library, slug)
  if (!author) return null
  return (
    <JsonLd
      data={[
        profilePageJsonLd(library.site, author),
        breadcrumbJsonLd(library.site, hubCrumbs(author.name, author.url)),
      ]}
    />
  )
}
