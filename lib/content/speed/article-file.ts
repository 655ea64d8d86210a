/**
 * What an article file says on its own, from its bytes alone: its front matter validated (or
 * the findings that reject it) and what its body references. Plain JSON, so the content cache
 * (file-cache.ts) can keep it between processes. Everything that depends on other files, on
 * images or on the time is checked by the loader on every load.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { bodyIndexOf, type BodyIndex } from './body'
import type { ContentIssue } from '../errors'
import { parseMarkdownFile, validate, type YamlSource } from '../parse'
import { articleSchema, type ArticleInput } from '../schema'

export interface ArticleFile {
  /** Undefined when the front matter is unusable: `issues` say why. */
  value?: ArticleInput
  issues: ContentIssue[]
  /** The 1-based file line on which the body starts. */
  bodyLine: number
  /** Only for a file whose front matter is valid. */
  body?: BodyIndex
}

export function readArticleFile(text: string, file: string): ArticleFile {
  const { frontmatter, body, bodyLine } = parseMarkdownFile(text, file)
  const { value, issues } = validate(articleSchema, frontmatter, file)
  if (!value) return { issues, bodyLine }
  return { value, issues, bodyLine, body: bodyIndexOf(body) }
}

/**
 * The front matter of `file` for the lines of findings about it: the file is read and its YAML
 * parsed again only if a finding asks for a line (rare), so a cached article costs nothing here.
 */
export function frontmatterOnDemand(root: string, file: string): YamlSource {
  let source: YamlSource | undefined
  const read = (): YamlSource => {
    try {
      const text = readFileSync(/*turbopackIgnore: true*/ path.join(root, file), 'utf8')
      return parseMarkdownFile(text, file).frontmatter
    } catch {
      return { data: undefined, lineOf: () => undefined, issues: [] }
    }
  }
  return {
    data: undefined,
    lineOf: (field) => (source ??= read()).lineOf(field),
    issues: [],
  }
}
