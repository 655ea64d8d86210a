import type { Thing, WithContext } from 'schema-dts'

/**
 * Serializes structured data for a <script type="application/ld+json">. Every `<` is escaped,
 * so a headline containing `</script>` cannot end the script element early.
 */
export function serializeJsonLd(data: WithContext<Thing> | WithContext<Thing>[]): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
}

export function absoluteUrl(siteUrl: string, path: string): string {
  return new URL(path, `${siteUrl}/`).href
}
