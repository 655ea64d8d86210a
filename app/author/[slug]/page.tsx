import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { AuthorHub } from '@/components/hubs/author-hub'
import { findAuthor, getLibrary } from '@/lib/content'
import { parseParams, slugParams } from '@/lib/params'
import { authorHubParams } from '@/lib/prerender'
import { pageMetadata } from '@/lib/seo/metadata'

export const revalidate = 60

export async function generateStaticParams() {
  return authorHubParams(await getLibrary())
}

interface Props {
  params: Promise<{ slug: string }>
}

async function load(params: Props['params']) {
  const { slug } = await parseParams(params, slugParams)
  const library = await getLibrary()
  const author = findAuthor(library, slug)
  if (!author) notFound()
  return { library, author }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { library, author } = await load(params)
  return pageMetadata(library.site, {
    title: author.name,
    description: `${author.name}, ${author.role}: stories and profile.`,
    path: author.url,
  })
}

export default async function AuthorPage({ params }: Props) {
  const { library, author } = await load(params)
  return <AuthorHub library={library} author={author} page={1} />
}
