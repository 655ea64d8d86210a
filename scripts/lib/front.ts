/**
 * The nginx production front (ops/nginx/marquee.conf): renders the template for given ports and
 * paths into an nginx prefix folder and starts nginx there in the foreground, in its own process
 * group, without root and without /etc/nginx.
 */
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { errorPageDocument, UNAVAILABLE_PAGE } from '../../lib/server-error-page'
import { run, start, type Managed } from './processes'
import { which } from './tools'

export const FRONT_TEMPLATE = path.resolve(import.meta.dirname, '../../ops/nginx/marquee.conf')

export interface FrontConfig {
  /** host:port nginx listens on. */
  listen: string
  /** host:port of `next start`. */
  upstream: string
  /** Absolute path of the build's static folder (…/.next/static). */
  staticDir: string
  /** The build's draft-mode cookie value (`previewModeId`): only it skips nginx's cache. */
  previewId: string
}

const PREVIEW_ID = /^[0-9a-f]{32}$/

const prerenderManifest = z.object({
  preview: z.object({ previewModeId: z.string().regex(PREVIEW_ID, 'expected 32 hex digits') }),
})

/**
 * The draft-mode cookie value of the build in `distDir`, from its prerender-manifest.json: Next.js
 * sets `__prerender_bypass` to it when an editor opens a preview.
 */
export function previewModeId(distDir: string): string {
  const file = path.join(distDir, 'prerender-manifest.json')
  let json: unknown
  try {
    json = JSON.parse(readFileSync(file, 'utf8'))
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message} (run npm run build)`)
  }
  const parsed = prerenderManifest.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new Error(`${file}: ${issue?.path.join('.')}: ${issue?.message}`)
  }
  return parsed.data.preview.previewModeId
}

export const NGINX_MISSING =
  'nginx is not installed. On Debian or Ubuntu: apt-get install -y nginx (as root).'

export function nginxBinary(): string {
  const nginx = which('nginx')
  if (!nginx) throw new Error(NGINX_MISSING)
  return nginx
}

/** The template with its @@PLACEHOLDERS@@ filled in. */
export function renderFrontConfig(config: FrontConfig, template = FRONT_TEMPLATE): string {
  const values: Record<string, string> = {
    LISTEN: config.listen,
    UPSTREAM: config.upstream,
    STATIC_DIR: config.staticDir.endsWith('/') ? config.staticDir : `${config.staticDir}/`,
    PREVIEW_ID: config.previewId,
  }
  // It goes into a regular expression in the config: nothing but what Next.js makes is taken.
  if (!PREVIEW_ID.test(config.previewId)) {
    throw new Error(`previewId: expected 32 hex digits, got ${JSON.stringify(config.previewId)}`)
  }
  const text = readFileSync(template, 'utf8').replace(/@@([A-Z_]+)@@/g, (whole, name: string) => {
    const value = values[name]
    if (value === undefined) throw new Error(`${template}: unknown placeholder ${whole}`)
    return value
  })
  return text
}

/** The cache folder in an nginx prefix folder: `proxy_cache_path cache` in the template. */
export function frontCache(prefix: string): string {
  return path.resolve(prefix, 'cache')
}

/** The page nginx sends while `next start` cannot be reached (`location @unavailable`). */
function unavailablePage(prefix: string): string {
  return path.resolve(prefix, 'html', 'unavailable.html')
}

/**
 * Creates an nginx prefix folder (conf, logs, temp, cache, and html with the page for when Next.js
 * cannot be reached). Its folders are world-readable because nginx started by root runs its
 * workers as `nobody`, and they must reach the cache and the page inside; the config file is not
 * (see below).
 */
export function preparePrefix(prefix: string, conf: string): string {
  for (const dir of ['', 'logs', 'temp', 'cache', 'html']) {
    mkdirSync(path.join(prefix, dir), { recursive: true })
    chmodSync(path.join(prefix, dir), 0o755)
  }
  writeFileSync(unavailablePage(prefix), errorPageDocument(UNAVAILABLE_PAGE), { mode: 0o644 })
  const confFile = path.join(prefix, 'nginx.conf')
  // Only the owner may read it: the front's config holds the key to drafts (PREVIEW_ID). nginx
  // reads it in its master process, as the user who started it.
  writeFileSync(confFile, conf, { mode: 0o600 })
  chmodSync(confFile, 0o600)
  return confFile
}

/** Checks the configuration (nginx -t), then starts nginx in the foreground. */
export async function startNginx(name: string, prefix: string, confFile: string): Promise<Managed> {
  const nginx = nginxBinary()
  const args = ['-p', `${path.resolve(prefix)}/`, '-c', confFile, '-e', 'logs/error.log']
  const logFile = path.join(prefix, 'logs', 'nginx.out')
  const check = await run(`${name} (nginx -t)`, nginx, [...args, '-t'], {
    logFile,
    allowFailure: true,
  })
  if (check.code !== 0) {
    throw new Error(`${name}: nginx -t rejected ${confFile}:\n${readFileSync(logFile, 'utf8')}`)
  }
  return start(name, nginx, [...args, '-g', 'daemon off;'], { logFile })
}
