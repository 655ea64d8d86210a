import { randomBytes } from 'node:crypto'
import { NextResponse, type NextRequest } from 'next/server'
import { THEME_SCRIPT } from '@/components/layout/theme-script'
import { scriptHashSource } from '@/lib/server/content-security-policy'
import { pagePolicy } from '@/lib/server/security-headers'

const THEME = scriptHashSource(THEME_SCRIPT)

/**
 * A nonce policy for the pages that render on every request, which stream before their scripts
 * are known: search, and any page in an editor's preview. Next puts the nonce on its own scripts
 * (node_modules/next/dist/docs/01-app/02-guides/content-security-policy.md); the theme script is
 * ours, so it is allowed by its hash. Cached pages never come here: they carry their scripts'
 * hashes (lib/server/content-security-policy.ts).
 */
export function proxy(request: NextRequest) {
  const policy = pagePolicy([`'nonce-${randomBytes(16).toString('base64')}'`, THEME])
  const headers = new Headers(request.headers)
  headers.set('Content-Security-Policy', policy)
  const response = NextResponse.next({ request: { headers } })
  response.headers.set('Content-Security-Policy', policy)
  return response
}

export const config = {
  matcher: [
    { source: '/search' },
    {
      source: '/((?!_next/|api/|images/).*)',
      has: [{ type: 'cookie', key: '__prerender_bypass' }],
    },
  ],
}
