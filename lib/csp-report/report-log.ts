import type { CspViolation } from './schema'

export interface ReportLogOptions {
  /** Distinct violations logged per window; the rest are only counted. */
  maxPerWindow?: number
  windowMs?: number
  write?: (line: string) => void
}

/**
 * Logs CSP violations so that a flood costs nothing: at most `maxPerWindow` distinct ones
 * (by directive, blocked URL and page) per window, each once, then a single line counting the
 * ones it left out. It remembers only the keys it logged in the current window.
 */
export class ReportLog {
  readonly #maxPerWindow: number
  readonly #windowMs: number
  readonly #write: (line: string) => void
  #windowStart = 0
  #logged = new Set<string>()
  #suppressed = 0
  #summaryTimer: ReturnType<typeof setTimeout> | undefined

  constructor({
    maxPerWindow = 20,
    windowMs = 60_000,
    write = (line) => console.warn(line),
  }: ReportLogOptions = {}) {
    this.#maxPerWindow = maxPerWindow
    this.#windowMs = windowMs
    this.#write = write
  }

  record(violation: CspViolation): void {
    const now = Date.now()
    if (now - this.#windowStart >= this.#windowMs) this.#startWindow(now)
    const key = `${violation.directive} ${violation.blocked} ${violation.documentUri}`
    if (this.#logged.has(key) || this.#logged.size >= this.#maxPerWindow) {
      this.#suppressed++
      // Said when the window ends, even if no report comes after the flood.
      this.#summaryTimer ??= setTimeout(
        () => this.#flush(),
        this.#windowStart + this.#windowMs - now,
      ).unref()
      return
    }
    this.#logged.add(key)
    this.#write(violationLine(violation))
  }

  #startWindow(now: number): void {
    this.#flush()
    this.#windowStart = now
    this.#logged.clear()
  }

  #flush(): void {
    clearTimeout(this.#summaryTimer)
    this.#summaryTimer = undefined
    if (this.#suppressed === 0) return
    const seconds = Math.round(this.#windowMs / 1000)
    this.#write(
      `CSP violation: suppressed ${this.#suppressed} reports (repeats, or past ${this.#maxPerWindow} distinct) in ${seconds} s`,
    )
    this.#suppressed = 0
  }
}

/** One line per violation: what was blocked, by which directive, where. */
export function violationLine(violation: CspViolation): string {
  const parts = [
    `CSP violation: ${violation.directive} blocked ${violation.blocked || '(nothing named)'}`,
    `on ${violation.documentUri}`,
  ]
  if (violation.sourceFile) {
    const line = violation.lineNumber === undefined ? '' : `:${violation.lineNumber}`
    parts.push(`at ${violation.sourceFile}${line}`)
  }
  if (violation.disposition === 'report') parts.push('(report only)')
  if (violation.sample) parts.push(`sample ${JSON.stringify(violation.sample)}`)
  return parts.join(' ')
}
