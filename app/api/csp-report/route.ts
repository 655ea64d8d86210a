import { handleCspReport } from '@/lib/csp-report/handle'
import { ReportLog } from '@/lib/csp-report/report-log'

/** One log per server process: its limits hold however many reports arrive. */
const log = new ReportLog()

/**
 * Where browsers send Content-Security-Policy violations (`report-uri /api/csp-report` in every
 * policy, lib/server/security-headers.ts), as `application/csp-report` or the Reporting API's
 * `application/reports+json`. Valid reports are logged and answered 204.
 */
export function POST(request: Request) {
  return handleCspReport(request, log)
}
