import { createRequire } from 'node:module'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { SECURITY_HEADERS } from './security-headers'

const require = createRequire(import.meta.url)
const root = path.resolve(import.meta.dirname, '../..')
const { PHASE_PRODUCTION_SERVER } = require('next/constants')
// How `next start` turns each custom header route into its matcher.
const { buildCustomRoute } = require('next/dist/server/lib/router-utils/filesystem')

type HeaderRoute = { source: string; headers: { key: string; value: string }[] }
type Match = (pathname: string) => false | Record<string, unknown>
const matcher = (route: HeaderRoute): Match => buildCustomRoute('header', route).match

async function headerRoutes(): Promise<HeaderRoute[]> {
  const previous = process.env.NODE_ENV
  ;(process.env as Record<string, string>).NODE_ENV = 'production'
  try {
    const config = require(path.join(root, 'next.config.js'))(PHASE_PRODUCTION_SERVER)
    return await config.headers()
  } finally {
    ;(process.env as Record<string, string | undefined>).NODE_ENV = previous
  }
}

describe('next.config.js headers()', () => {
  it('sends the security headers and a policy on every path', async () => {
    const [route, ...rest] = await headerRoutes()
    expect(rest).toEqual([])
    const keys = route!.headers.map((header) => header.key)
    expect(keys).toEqual([
      ...SECURITY_HEADERS.map((header) => header.key),
      'Content-Security-Policy',
    ])
    const match = matcher(route!)
    for (const url of [
      '/',
      '/tv/luke-cage-season-2-set-photos',
      '/_next/static/chunks/a.js',
      '/api/search',
    ]) {
      expect(match(url), url).not.toBe(false)
    }
  })

  it('matches without named parameters, so Next never compiles the header values per request', async () => {
    // With a parameter Next runs compileNonPath on each value holding ':' (the policy) on every
    // request (next/dist/server/lib/router-utils/resolve-routes.js, "handle headers").
    const [route] = await headerRoutes()
    const match = matcher(route!)
    expect(match('/tv/luke-cage-season-2-set-photos')).toEqual({})
    expect(route!.headers.some((header) => header.value.includes(':'))).toBe(true)
  })
})
