import { HubHead } from '@/components/seo/hub-head'
import { findTopic, getLibrary } from '@/lib/content'
import { parseParams, slugParams } from '@/lib/params'

export default async function TopicHead({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await parseParams(params, slugParams)
  const library = await getLibrary()
  const topic = findTopic(library, slug)
  if (!topic) return null
  const { name, description, url } = topic
  return (
    <HubHead library={library} filter={{ topic: slug }} page={1} {...{ name, description, url }} />
  )
}
