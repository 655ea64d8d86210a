import type { Metadata } from 'next'
import { notFound, permanentRedirect } from 'next/navigation'
import { AuthorHub } from '@/components/hubs/author-hub'
import { findAuthor, getLibrary } from '@/lib/content'
import { hubPageCount, pagedUrl } from '@/lib/hubs'
import { parseParams, slugPageParams } from '@/lib/params'
import { pageMetadata } from '@/lib/seo/metadata'

export const revalidate = 60

/** Numbered pages render on their first request, then are cached (see lib/prerender.ts). */
export async function generateStaticParams(): Promise<{ slug: string; n: string }[]> {
  return []
}

interface Props {
  params: Promise<{ slug: string; n: string }>
}

async function load(params: Props['params']) {
  const { slug, n } = await parseParams(params, slugPageParams)
  const library = await getLibrary()
  const author = findAuthor(library, slug)
  if (!author || n > hubPageCount(library, { author: slug })) notFound()
  if (n === 1) permanentRedirect(author.url)
  return { library, author, n }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { library, author, n } = await load(params)
  return pageMetadata(library.site, {
    title: `${author.name}, page ${n}`,
    description: `${author.name}, ${author.role}: stories and profile.`,
    path: pagedUrl(author.url, n),
  })
}

export default async function AuthorPagedPage({ params }: Props) {
  const { library, author, n } = await load(params)
  return <AuthorHub library={library} author={author} page={n} />
}
