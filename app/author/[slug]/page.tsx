import type { Metadata } from 'next'
import { AuthorHub } from '@/components/hubs/author-hub'
import { authorStaticParams } from '@/lib/prerender'
import { authorRoute } from '@/lib/routes/hubs'
import { pageMetadata } from '@/lib/seo/metadata'

export const revalidate = 60

export async function generateStaticParams() {
  return authorStaticParams()
}

interface Props {
  params: Promise<{ slug: string }>
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { site, hub: author } = await authorRoute.page(params)
  return pageMetadata(site, {
    title: author.name,
    description: `${author.name}, ${author.role}: stories and profile.`,
    path: author.url,
  })
}

export default async function AuthorPage({ params }: Props) {
  const { site, hub, stories, galleries } = await authorRoute.page(params)
  return <AuthorHub author={hub} stories={stories} galleries={galleries} timeZone={site.timeZone} />
}
