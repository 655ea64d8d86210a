import { z } from 'zod'

/** One Content-Security-Policy violation, whichever way the browser reported it. */
export interface CspViolation {
  documentUri: string
  /** The directive that blocked, e.g. `script-src-elem`. */
  directive: string
  /** What was blocked: a URL, or `inline`, `eval`, `data`… */
  blocked: string
  sourceFile?: string
  lineNumber?: number
  disposition?: 'enforce' | 'report'
  /** The first characters of the blocked script or style, when the policy asks for them. */
  sample?: string
}

/** Longest URL or directive kept; the rest is cut so a log line stays short. */
const TEXT_MAX = 512
/** Browsers send at most 40 characters of sample; a forged report may send more. */
const SAMPLE_MAX = 80
/** A Reporting API batch holds a handful of reports; more is a forged one. */
export const REPORTS_MAX = 50

/** Line breaks and other control characters, which would let a report forge log lines. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g

const clipped = (max: number) =>
  z.string().transform((value) => value.slice(0, max).replace(CONTROL, ' '))
const text = clipped(TEXT_MAX)
const sample = clipped(SAMPLE_MAX)
const lineNumber = z.number().int().nonnegative()
const disposition = z.enum(['enforce', 'report'])

/**
 * `report-uri`'s body (`application/csp-report`). Only the fields worth logging are read; the rest
 * (the whole policy, the referrer…) are dropped. CSP3 browsers put the same value in
 * `effective-directive` and `violated-directive`; older ones only the latter.
 */
const legacyReportSchema = z
  .object({
    'csp-report': z.object({
      'document-uri': text,
      'violated-directive': text.optional(),
      'effective-directive': text.optional(),
      'blocked-uri': text.default(''),
      'source-file': text.optional(),
      'line-number': lineNumber.optional(),
      disposition: disposition.optional(),
      'script-sample': sample.optional(),
    }),
  })
  .transform(({ 'csp-report': report }, context): CspViolation => {
    const directive = report['effective-directive'] ?? report['violated-directive']
    if (!directive) {
      context.addIssue({
        code: 'custom',
        path: ['csp-report', 'violated-directive'],
        message: 'violated-directive or effective-directive is required',
      })
      return z.NEVER
    }
    return {
      documentUri: report['document-uri'],
      directive,
      blocked: report['blocked-uri'],
      sourceFile: report['source-file'],
      lineNumber: report['line-number'],
      disposition: report.disposition,
      sample: report['script-sample'],
    }
  })

const violationBodySchema = z
  .object({
    documentURL: text,
    effectiveDirective: text,
    blockedURL: text.default(''),
    sourceFile: text.optional(),
    lineNumber: lineNumber.optional(),
    disposition: disposition.optional(),
    sample: sample.optional(),
  })
  .transform((body): CspViolation => ({
    documentUri: body.documentURL,
    directive: body.effectiveDirective,
    blocked: body.blockedURL,
    sourceFile: body.sourceFile,
    lineNumber: body.lineNumber,
    disposition: body.disposition,
    sample: body.sample,
  }))

/**
 * The Reporting API's body (`application/reports+json`): a batch that may mix in other report
 * types (deprecation, intervention…) when the page names a `report-to` group; those are skipped.
 */
const reportingApiSchema = z
  .array(z.object({ type: z.string(), body: z.unknown() }))
  .max(REPORTS_MAX, `at most ${REPORTS_MAX} reports in a batch`)
  .transform((reports, context) =>
    reports.flatMap((report, index): CspViolation[] => {
      if (report.type !== 'csp-violation') return []
      const body = violationBodySchema.safeParse(report.body)
      if (body.success) return [body.data]
      for (const issue of body.error.issues) {
        context.addIssue({ ...issue, path: [index, 'body', ...issue.path] })
      }
      return []
    }),
  )

/** `Content-Type` as one of the two media types browsers send reports as (parameters ignored). */
export const reportMediaTypeSchema = z
  .string({ error: 'Content-Type is required' })
  .transform((value) => value.split(';', 1)[0]?.trim().toLowerCase())
  .pipe(
    z.enum(['application/csp-report', 'application/reports+json'], {
      error: 'Content-Type must be application/csp-report or application/reports+json',
    }),
  )

export type ReportMediaType = z.output<typeof reportMediaTypeSchema>

/** The body's text as JSON, or an issue saying it is not. */
const jsonText = z.string().transform((value, context): unknown => {
  try {
    return JSON.parse(value)
  } catch {
    context.addIssue({ code: 'custom', message: 'the body is not valid JSON' })
    return z.NEVER
  }
})

/** A request body of each media type, from its text to the violations it reports. */
export const REPORT_BODY_SCHEMAS: Record<ReportMediaType, z.ZodType<CspViolation[], string>> = {
  'application/csp-report': jsonText.pipe(legacyReportSchema.transform((violation) => [violation])),
  'application/reports+json': jsonText.pipe(reportingApiSchema),
}
