import { parseYaml, validate } from '../parse'
import { topicsSchema } from '../schema'
import type { Topic } from '../types'
import { readText, type LoadContext } from './context'

/** topics.yaml: optional; a broken one keeps the topics a running server serves. */
export async function loadTopics(ctx: LoadContext): Promise<Topic[]> {
  const file = 'topics.yaml'
  const text = await readText(ctx, file)
  if (text === undefined) return []
  const source = parseYaml(text, file, 1, { fast: ctx.fast })
  const { value, issues } = validate(topicsSchema, source, file)
  issues.forEach((issue) => ctx.report(issue))
  const seen = new Set<string>()
  if (!value && ctx.previous) return ctx.previous.topics
  return (value ?? []).flatMap((topic, index) => {
    if (seen.has(topic.slug)) {
      const line = source.lineOf([index, 'slug'])
      ctx.report({
        file,
        line,
        field: `${index}.slug`,
        message: `duplicate topic slug "${topic.slug}"`,
      })
      return []
    }
    seen.add(topic.slug)
    return [{ ...topic, url: `/topic/${topic.slug}` }]
  })
}
