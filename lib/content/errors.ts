export type Severity = 'error' | 'warning'

/** One finding about one content file, printed as `file:line: field: message`. */
export interface ContentIssue {
  severity: Severity
  /** Path relative to the content library, e.g. `articles/luke-cage.md`. */
  file: string
  line?: number
  /** Dotted path of the field, e.g. `hero.alt`; empty for the whole file. */
  field: string
  message: string
  hint?: string
}

export function formatIssue(issue: ContentIssue, root = ''): string {
  const where = `${root ? `${root}/` : ''}${issue.file}${issue.line ? `:${issue.line}` : ''}`
  const field = issue.field ? `${issue.field}: ` : ''
  const hint = issue.hint ? `\n    hint: ${issue.hint}` : ''
  return `${where}: ${issue.severity}: ${field}${issue.message}${hint}`
}

/** Thrown when the library cannot be published as is (at build time, or for a missing file). */
export class ContentError extends Error {
  readonly code = 'CONTENT_INVALID'

  constructor(
    readonly issues: ContentIssue[],
    root = '',
  ) {
    const errors = issues.filter((issue) => issue.severity === 'error')
    super(
      `The content library has ${errors.length} error(s):\n` +
        errors.map((issue) => formatIssue(issue, root)).join('\n'),
    )
    this.name = 'ContentError'
  }
}
