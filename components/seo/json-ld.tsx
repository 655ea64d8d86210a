import type { Thing, WithContext } from 'schema-dts'
import { serializeJsonLd } from '@/lib/seo/json-ld'

/** Structured data for crawlers; rendered inside <head> by the @head slot of the root layout. */
export function JsonLd({ data }: { data: WithContext<Thing> | WithContext<Thing>[] }) {
  return (
    <script
      type="application/ld+json"
      dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }}
    />
  )
}
