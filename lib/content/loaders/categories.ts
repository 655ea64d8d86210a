import { claimRedirect } from '../checks/redirects'
import { parseYaml, validate } from '../parse'
import { categoriesSchema } from '../schema'
import type { Category } from '../types'
import { readText, type LoadContext } from './context'
import { RESERVED_CATEGORY_SLUGS } from './reserved'

export interface Sections {
  categories: Category[]
  /** Old section slug → the section that replaced it. */
  redirects: Map<string, string>
}

/** categories.yaml: a duplicate or reserved slug makes the whole library unusable. */
export async function loadCategories(ctx: LoadContext): Promise<Sections | undefined> {
  const file = 'categories.yaml'
  const text = await readText(ctx, file)
  if (text === undefined) return undefined
  const source = parseYaml(text, file, 1, { fast: ctx.fast })
  const { value, issues } = validate(categoriesSchema, source, file)
  issues.forEach((issue) => ctx.report(issue))
  if (!value) return undefined
  const seen = new Set<string>()
  let ok = true
  value.forEach((category, index) => {
    const problem = seen.has(category.slug)
      ? `duplicate category slug "${category.slug}"`
      : RESERVED_CATEGORY_SLUGS.has(category.slug)
        ? `"${category.slug}" is reserved for a fixed route (${[...RESERVED_CATEGORY_SLUGS].join(', ')})`
        : undefined
    seen.add(category.slug)
    if (problem) {
      ok = false
      ctx.report({
        file,
        line: source.lineOf([index, 'slug']),
        field: `${index}.slug`,
        message: problem,
      })
    }
  })
  if (!ok) return undefined
  // An old section slug sends `/old` and `/old/…` to the section that replaced it. It must not
  // be a live section (the redirect would loop or hide it) nor claimed by two sections.
  const redirects = new Map<string, string>()
  value.forEach((category, index) => {
    category.redirectFrom.forEach((old, position) => {
      const field = [index, 'redirectFrom', position]
      const problem = claimRedirect(redirects, old, category.slug, {
        own: `"${old}" is this section's own slug`,
        live: seen.has(old) && `"${old}" is a live section`,
        reserved: RESERVED_CATEGORY_SLUGS,
        kind: 'section',
      })
      if (problem) {
        ctx.report({ file, line: source.lineOf(field), field: field.join('.'), message: problem })
      }
    })
  })
  const categories = value
    .map((category) => ({ ...category, url: `/${category.slug}` }))
    .sort((a, b) => a.order - b.order || a.name.localeCompare(b.name))
  return { categories, redirects }
}
