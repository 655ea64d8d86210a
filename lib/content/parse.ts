import matter from 'gray-matter'
import { isMap, isNode, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml'
import type { z } from 'zod'
import type { ContentIssue } from './errors'
import { fastYamlData } from './speed/fast-yaml'
import { splitFrontmatter } from './speed/frontmatter'

/** A parsed YAML document that can say on which line a field sits. */
export interface YamlSource {
  data: unknown
  /** The 1-based line of a field in the file, or of its nearest existing parent. */
  lineOf(path: readonly PropertyKey[]): number | undefined
  issues: ContentIssue[]
}

export interface ParseOptions {
  /** False for the plain path: `yaml` and gray-matter only (see speed/index.ts). */
  fast?: boolean
}

/**
 * Parses YAML with the 1.2 core schema, so dates stay strings (their offset survives) and
 * `no` stays a string. `firstLine` is where the YAML starts inside the file.
 */
export function parseYaml(
  text: string,
  file: string,
  firstLine = 1,
  { fast: fastPath = true }: ParseOptions = {},
): YamlSource {
  // Valid files skip the (slow) Document: it is built only if a finding asks for a line.
  const fast = fastPath ? fastYamlData(text) : undefined
  if (!fast) return parseYamlDocument(text, file, firstLine)
  let full: YamlSource | undefined
  const lineOf = (path: readonly PropertyKey[]) =>
    (full ??= parseYamlDocument(text, file, firstLine)).lineOf(path)
  return { data: fast.data, lineOf, issues: [] }
}

function parseYamlDocument(text: string, file: string, firstLine: number): YamlSource {
  const lineCounter = new LineCounter()
  const doc: Document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true })
  const toFileLine = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1
  const issues: ContentIssue[] = doc.errors.map((error) => ({
    severity: 'error',
    file,
    line: toFileLine(error.pos[0]),
    field: '',
    message: `invalid YAML: ${error.message.split('\n')[0]}`,
  }))
  // A field's line is the line of its key (a block value starts on the line after it).
  const nodeAt = (path: readonly PropertyKey[]): unknown => {
    const parent = path.length > 1 ? doc.getIn(path.slice(0, -1) as unknown[], true) : doc.contents
    const last = path.at(-1)
    if (isMap(parent)) {
      return parent.items.find((pair) => isScalar(pair.key) && pair.key.value === last)?.key
    }
    if (isSeq(parent) && typeof last === 'number') return parent.items[last]
    return undefined
  }
  const lineOf = (path: readonly PropertyKey[]) => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = depth === 0 ? doc.contents : nodeAt(path.slice(0, depth))
      if (isNode(node) && node.range) return toFileLine(node.range[0])
    }
    return undefined
  }
  return { data: issues.length ? undefined : doc.toJS(), lineOf, issues }
}

export interface MarkdownSource {
  frontmatter: YamlSource
  body: string
  /** The 1-based file line on which the body starts. */
  bodyLine: number
}

export function parseMarkdownFile(
  text: string,
  file: string,
  options: ParseOptions = {},
): MarkdownSource {
  if (!/^---\r?\n(?:[\s\S]*?\r?\n)?---(?:\r?\n|$)/.test(text)) {
    const issue: ContentIssue = {
      severity: 'error',
      file,
      line: 1,
      field: '',
      message: 'missing frontmatter: the file must start with YAML between two lines of "---"',
      hint: 'Put the YAML fields between two lines of "---" at the top of the file.',
    }
    return { frontmatter: emptySource([issue]), body: text, bodyLine: 1 }
  }
  let frontmatter: YamlSource = emptySource([])
  const read = (raw: string) => {
    frontmatter = parseYaml(raw, file, 2 - leadingNewlines(raw), options)
    return {}
  }
  const split = options.fast === false ? undefined : splitFrontmatter(text)
  const parsed = split ?? matter(text, { engines: { yaml: read } })
  if ('yaml' in parsed && parsed.yaml !== undefined) read(parsed.yaml)
  const bodyStart = text.length - parsed.content.length
  return {
    frontmatter,
    body: parsed.content,
    bodyLine: text.slice(0, bodyStart).split('\n').length,
  }
}

function leadingNewlines(raw: string): number {
  return raw.length - raw.replace(/^\r?\n/, '').length > 0 ? 1 : 0
}

function emptySource(issues: ContentIssue[]): YamlSource {
  return { data: undefined, lineOf: () => undefined, issues }
}

/** Validates parsed data with a zod schema and turns every zod issue into a `file:line` finding. */
export function validate<T extends z.ZodType>(
  schema: T,
  source: YamlSource,
  file: string,
): { value?: z.output<T>; issues: ContentIssue[] } {
  if (source.issues.length) return { issues: source.issues }
  const result = schema.safeParse(source.data ?? {})
  if (result.success) return { value: result.data, issues: [] }
  // One finding per unknown field, on that field's own line.
  const found = result.error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: [...issue.path, key], message: `unknown field "${key}"` }))
      : [{ path: issue.path, message: describeZodIssue(issue, source.data) }],
  )
  return {
    issues: found.map(({ path, message }) => ({
      severity: 'error' as const,
      file,
      line: source.lineOf(path),
      field: path.map(String).join('.'),
      message,
      hint: FIELD_HINTS[String(path.at(-1))],
    })),
  }
}

/** Hints for the fields editors most often leave empty. */
const FIELD_HINTS: Record<string, string> = {
  alt: 'Describe what the image shows for readers who cannot see it, e.g. "Mike Colter as Luke Cage on a Harlem street".',
}

function describeZodIssue(issue: z.core.$ZodIssue, data: unknown): string {
  // A custom message (as on dates) replaces zod's "received undefined", so look at the data.
  if (issue.code === 'invalid_type' && valueAt(data, issue.path) === undefined) {
    return `is required (expected ${issue.expected})`
  }
  return issue.message.replace(/^Invalid (?:input|option): /, '')
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>(
    (value, key) =>
      value !== null && typeof value === 'object'
        ? (value as Record<PropertyKey, unknown>)[key]
        : undefined,
    data,
  )
}
