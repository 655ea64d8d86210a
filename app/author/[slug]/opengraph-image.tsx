import { notFound } from 'next/navigation'
import { findAuthor, getLibrary } from '@/lib/content'
import { SOCIAL_CARD_SIZE, socialCard } from '@/lib/og/social-card'
import { parseParams, slugParams } from '@/lib/params'
import { authorHubParams } from '@/lib/prerender'

export const revalidate = 60

export async function generateStaticParams() {
  return authorHubParams(await getLibrary())
}

export const size = SOCIAL_CARD_SIZE
export const contentType = 'image/png'
export const alt = 'The author’s name and role'

export default async function AuthorSocialImage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await parseParams(params, slugParams)
  const library = await getLibrary()
  const author = findAuthor(library, slug)
  if (!author) notFound()
  return socialCard({
    siteName: library.site.name,
    kicker: 'Author',
    title: author.name,
    detail: author.role,
  })
}
