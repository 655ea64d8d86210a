/**
 * Validates a whole content library and lists every finding as `file:line: severity: message`.
 * Exits 1 on any error (warnings alone exit 0).
 *
 *   npm run content:check                 # the library in CONTENT_DIR, default content/
 *   npm run content:check -- path/to/lib  # another library
 *   CONTENT_FAST_PATH=off npm run content:check   # the loader's plain path (lib/content/speed/)
 */
import path from 'node:path'
import { contentDir, contentFastPath } from '../lib/env'
import { formatIssue } from '../lib/content/errors'
import { loadLibrary } from '../lib/content/load'

async function main() {
  const arg = process.argv.slice(2).find((value) => !value.startsWith('-'))
  const root = arg ? path.resolve(arg) : contentDir()
  const shown = path.relative(process.cwd(), root) || '.'
  const { library, issues } = await loadLibrary(root, { fastPath: contentFastPath() })
  for (const issue of issues) console.log(formatIssue(issue, shown))
  const errors = issues.filter((issue) => issue.severity === 'error').length
  const warnings = issues.length - errors
  if (library) {
    console.log(
      `${shown}: ${library.articles.length} articles, ${library.galleries.length} galleries, ` +
        `${library.authors.length} authors, ${library.categories.length} categories, ` +
        `${library.topics.length} topics valid`,
    )
  }
  console.log(`${errors} error(s), ${warnings} warning(s)`)
  process.exitCode = errors || !library ? 1 : 0
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 2
})
