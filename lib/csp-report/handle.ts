import { z } from 'zod'
import { badRequest, refusedRequest } from '@/lib/api/bad-request'
import { readBodyWithin } from './read-body'
import type { ReportLog } from './report-log'
import { REPORT_BODY_SCHEMAS, reportMediaTypeSchema } from './schema'

/** A browser's report is under 2 KB; a batch of the Reporting API a few of those. */
export const REPORT_BYTES_MAX = 16 * 1024

const headersSchema = z.object({ 'content-type': reportMediaTypeSchema })

/**
 * Answers one POST of CSP violation reports: 204 once they are logged (within the log's
 * limits), 400 for a wrong Content-Type, a body that is not JSON or not a report, and 413 for a
 * body over REPORT_BYTES_MAX. Nothing a client sends makes it throw.
 */
export async function handleCspReport(request: Request, log: ReportLog): Promise<Response> {
  const headers = headersSchema.safeParse({
    'content-type': request.headers.get('content-type') ?? undefined,
  })
  if (!headers.success) return badRequest(headers.error)
  const body = await readBodyWithin(request, REPORT_BYTES_MAX)
  if (!body.ok) {
    return body.reason === 'too-large'
      ? refusedRequest(413, [{ path: '', message: `the body is over ${REPORT_BYTES_MAX} bytes` }])
      : refusedRequest(400, [{ path: '', message: `the body could not be read: ${body.message}` }])
  }
  const violations = REPORT_BODY_SCHEMAS[headers.data['content-type']].safeParse(body.text)
  if (!violations.success) return badRequest(violations.error)
  for (const violation of violations.data) log.record(violation)
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } })
}
