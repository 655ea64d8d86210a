import type { z } from 'zod'

/** One issue of a rejected request: the parameter (dotted path, '' for the whole) and why. */
export interface RequestIssue {
  path: string
  message: string
}

/** The body every API route answers a 400 with, so a client reads one shape. */
export interface BadRequestBody {
  error: 'invalid_request'
  issues: RequestIssue[]
}

/** An answer must not be cached unless the route says otherwise (preview adds `private`). */
const NO_STORE = { 'Cache-Control': 'no-store' }

/** 400 with each zod issue as `{ path, message }`. */
export function badRequest(error: z.ZodError, headers: HeadersInit = NO_STORE): Response {
  const issues = error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }))
  return refusedRequest(400, issues, headers)
}

/** Another refusal (413, or a 400 that no schema found) in the same body as `badRequest`'s. */
export function refusedRequest(
  status: number,
  issues: RequestIssue[],
  headers: HeadersInit = NO_STORE,
): Response {
  const body: BadRequestBody = { error: 'invalid_request', issues }
  return Response.json(body, { status, headers })
}
