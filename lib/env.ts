import path from 'node:path'
import { z } from 'zod'

/** A shared secret: unset (the feature answers 401 to everyone) or long enough not to guess. */
const secret = z.preprocess(
  (value) => (value === '' ? undefined : value),
  z.string().min(16, 'must be at least 16 characters').optional(),
)

const envSchema = z.object({
  CONTENT_DIR: z.string().min(1).default('content'),
  SITE_URL: z.url({ protocol: /^https?$/ }).optional(),
  NEXT_PHASE: z.string().optional(),
  /** The build folder (next.config.js): the content cache lives under its cache/ by default. */
  NEXT_DIST_DIR: z.string().min(1).optional(),
  /** Folder of the content cache (lib/content/speed/file-cache.ts), or `off` for none. */
  CONTENT_CACHE_DIR: z.string().min(1).optional(),
  /** `off` loads content on the plain path: remark and `yaml` only, no cache (lib/content/speed/). */
  CONTENT_FAST_PATH: z.enum(['on', 'off']).default('on'),
  /** Opens preview (drafts and scheduled stories) through /api/preview?secret=…. */
  PREVIEW_SECRET: secret,
  /** Authorizes POST /api/revalidate (Authorization: Bearer …). */
  REVALIDATE_SECRET: secret,
  /**
   * The nginx front's cache folder (its proxy_cache_path), which POST /api/revalidate purges.
   * `npm run start:front` sets it; unset, the front is not this server's to purge.
   */
  FRONT_CACHE_DIR: z.string().refine(path.isAbsolute, 'must be an absolute path').optional(),
  /** Redis shared by every server of the build (lib/server/render-cache/); unset: none. */
  REDIS_URL: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.url({ protocol: /^rediss?$/, error: 'expected redis://host:port or rediss://…' }).optional(),
  ),
})

export type Env = z.infer<typeof envSchema>

/** Reads and validates the environment once; a bad value stops the process with a clear message. */
export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = envSchema.safeParse(source)
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
    throw new Error(`Invalid environment variables:\n${lines.join('\n')}`)
  }
  return result.data
}

export function contentDir(env: Env = readEnv()): string {
  // The library is read at run time, not bundled: keep the tracer from following this path.
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), env.CONTENT_DIR)
}

/** The build folder, as next.config.js names it. */
export function buildDir(env: Env = readEnv()): string {
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), env.NEXT_DIST_DIR ?? '.next')
}

/**
 * Where loads keep per-file results between processes: under the build folder, so `next build`
 * leaves it warm for `next start`. Undefined when turned off.
 */
export function contentCacheDir(env: Env = readEnv()): string | undefined {
  if (env.CONTENT_CACHE_DIR === 'off') return undefined
  if (env.CONTENT_CACHE_DIR) {
    return path.resolve(/*turbopackIgnore: true*/ process.cwd(), env.CONTENT_CACHE_DIR)
  }
  return path.join(buildDir(env), 'cache', 'marquee-content')
}

/** False when CONTENT_FAST_PATH=off: the loader's plain path (lib/content/speed/index.ts). */
export function contentFastPath(env: Env = readEnv()): boolean {
  return env.CONTENT_FAST_PATH === 'on'
}

/** True while `next build` prerenders pages: bad content must fail the build there. */
export function isBuildPhase(env: Env = readEnv()): boolean {
  return env.NEXT_PHASE === 'phase-production-build'
}
