// @ts-check
const { readFileSync } = require('node:fs')
const path = require('node:path')
const yaml = require('js-yaml')
const { z } = require('zod')
// Node (>= 22.18) strips the types of this TypeScript module as it loads it.
const { NO_SCRIPT_POLICY, SECURITY_HEADERS } = require('./lib/server/security-headers.ts')

/**
 * The paths in the content library's removed.yaml, read at build time. Only the paths are
 * checked here: the content loader validates the whole file and fails the build on an error.
 * @returns {string[]}
 */
function removedPaths() {
  const file = path.resolve(process.env.CONTENT_DIR || 'content', 'removed.yaml')
  let text
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code === 'ENOENT') return []
    throw error
  }
  const entries = z
    .array(z.looseObject({ path: z.string().regex(/^(?:\/[a-z0-9]+(?:-[a-z0-9]+)*)+$/) }))
    .safeParse(yaml.load(text))
  return entries.success ? entries.data.map((entry) => entry.path) : []
}

/** @type {import('next').NextConfig} */
const nextConfig = {
  // A separate build folder lets parallel test runs each serve their own build.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  // ETags (and their 304s) are set by lib/server/response-buffers.ts, which hashes each cached
  // page once. Next's own would hash the whole page on every request: 0.83 against 0.70 ms of
  // server CPU per article request (medians of six runs, #7 notes).
  generateEtags: false,
  reactStrictMode: true,
  images: {
    // Content images are served by app/images/[...path]/route.ts from the content library.
    localPatterns: [{ pathname: '/images/**', search: '' }],
    formats: ['image/webp'],
    deviceSizes: [360, 640, 828, 1080, 1200, 1600],
    imageSizes: [48, 96, 160, 256, 384],
    minimumCacheTTL: 31536000,
  },
  async headers() {
    // Pages replace this policy with their own (lib/server/content-security-policy.ts, proxy.ts).
    // `next dev` runs its own scripts (eval, hot reload), so it gets none.
    const policy =
      process.env.NODE_ENV === 'production'
        ? [{ key: 'Content-Security-Policy', value: NO_SCRIPT_POLICY }]
        : []
    return [{ source: '/:path*', headers: [...SECURITY_HEADERS, ...policy] }]
  },
  async rewrites() {
    // A removed story answers 410 from app/api/gone. Rewrites, not a proxy: Next runs a proxy on
    // every request it matches, and that cost a third of an article's throughput.
    return {
      beforeFiles: removedPaths().map((source) => ({ source, destination: `/api/gone${source}` })),
      afterFiles: [],
      fallback: [],
    }
  },
}

module.exports = nextConfig
