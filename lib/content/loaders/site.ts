import { parseYaml, validate } from '../parse'
import { siteSchema } from '../schema'
import type { Site } from '../types'
import { readText, resolveImage, type LoadContext } from './context'

/** site.yaml: without it (or its logo) there is no library. */
export async function loadSite(ctx: LoadContext): Promise<Site | undefined> {
  const file = 'site.yaml'
  const text = await readText(ctx, file)
  if (text === undefined) return undefined
  const source = parseYaml(text, file, 1, { fast: ctx.fast })
  const { value, issues } = validate(siteSchema, source, file)
  issues.forEach((issue) => ctx.report(issue))
  if (!value) return undefined
  const logo = await resolveImage(ctx, file, source, ['logo'], {
    image: value.logo,
    alt: value.name,
  })
  if (!logo) return undefined
  return { ...value, url: value.url.replace(/\/+$/, ''), logo }
}
