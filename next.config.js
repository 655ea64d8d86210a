// @ts-check
const { readFileSync } = require('node:fs')
const path = require('node:path')
const yaml = require('js-yaml')
const { PHASE_PRODUCTION_SERVER } = require('next/constants')
const { z } = require('zod')
// Node (>= 22.18) strips the types of these TypeScript modules as it loads them.
const {
  FALLBACK_PAGE_POLICY,
  NO_SCRIPT_POLICY,
  SECURITY_HEADERS,
} = require('./lib/server/security-headers.ts')
const { workaroundsApply } = require('./lib/server/next-workarounds/version.ts')

/** Off on any Next.js release but the one lib/server/next-workarounds was written for. */
const workarounds = workaroundsApply()

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
  // lib/server/next-workarounds/response-buffers.ts tags each cached page once; Next's own
  // ETag hashes the whole page on every request. Next's are back when the workarounds are off.
  generateEtags: !workarounds,
  reactStrictMode: true,
  images: {
    // Content images are served by app/images/[...path]/route.ts from the content library.
    localPatterns: [{ pathname: '/images/**', search: '' }],
    formats: ['image/webp'],
    // 750: a 375 px phone at 2x, and a 412 px one at 1.75x (721 px), took the 828 px file.
    deviceSizes: [360, 640, 750, 828, 1080, 1200, 1600],
    // No 384: next to 360 it only lengthened every srcset (fixed boxes ask for 160, 256 or 360).
    imageSizes: [48, 96, 160, 256],
    minimumCacheTTL: 31536000,
  },
  async headers() {
    // Pages replace this policy with their own (lib/server/content-security-policy.ts, proxy.ts).
    // `next dev` runs its own scripts (eval, hot reload), so it gets none.
    const policy =
      process.env.NODE_ENV === 'production'
        ? [
            {
              key: 'Content-Security-Policy',
              value: workarounds ? NO_SCRIPT_POLICY : FALLBACK_PAGE_POLICY,
            },
          ]
        : []
    // '/(.*)', as in Next's CSP guide, not '/:path*': with a named parameter Next compiles every
    // header value holding a ':' (the policy) as a path template on each request, ~25 µs.
    return [{ source: '/(.*)', headers: [...SECURITY_HEADERS, ...policy] }]
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

/**
 * With REDIS_URL, `next start` shares its render cache through Redis
 * (lib/server/render-cache/redis-handler.mts) with every other server of the build, as Next's
 * self-hosting guide asks: a shared `cacheHandler` and no private in-memory copy. `next build`
 * keeps Next's own, so the prerendered pages are written to the build folder as always; without
 * REDIS_URL `next start` keeps the file-system cache (lib/server/next-workarounds/cache-handler.ts).
 * @param {string} phase
 * @returns {import('next').NextConfig}
 */
module.exports = (phase) =>
  process.env.REDIS_URL && phase === PHASE_PRODUCTION_SERVER
    ? {
        ...nextConfig,
        cacheHandler: require.resolve('./lib/server/render-cache/redis-handler.mts'),
        cacheMaxMemorySize: 0,
      }
    : nextConfig
