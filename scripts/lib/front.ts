/**
 * The nginx production front (ops/nginx/marquee.conf): renders the template for given ports and
 * paths into an nginx prefix folder and starts nginx there in the foreground, in its own process
 * group, without root and without /etc/nginx.
 */
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import {
  BAD_REQUEST_PAGE,
  errorPageDocument,
  TOO_MANY_REQUESTS_PAGE,
  UNAVAILABLE_PAGE,
} from '../../lib/server/error-page'
import {
  NO_SCRIPT_POLICY,
  SECURITY_HEADERS,
  STRICT_TRANSPORT_SECURITY,
} from '../../lib/server/security-headers'
import { run, start, type Managed } from './processes'
import { which } from './tools'

// __dirname, not import.meta: Playwright loads this file as CommonJS (e2e/front.spec.ts).
export const FRONT_TEMPLATE = path.resolve(__dirname, '../../ops/nginx/marquee.conf')

export interface FrontTls {
  /** host:port of HTTPS (HTTP/2 and HTTP/1.1). */
  listen: string
  /** Absolute path of the certificate, or of the certificate followed by its chain (PEM). */
  certificate: string
  /** Absolute path of its private key (PEM). */
  key: string
}

export interface FrontConfig {
  /** host:port nginx listens on: the site, or with `tls` the redirect to HTTPS. */
  listen: string
  /** host:port of `next start`, or of each of several: nginx balances them. */
  upstream: string | string[]
  /** Absolute path of the build's static folder (…/.next/static). */
  staticDir: string
  /** The build's draft-mode cookie value (`previewModeId`): only it skips nginx's cache. */
  previewId: string
  /** Serve the site over HTTPS, with `listen` redirecting to it. */
  tls?: FrontTls
  /**
   * The host name the site is served under: the redirect to HTTPS goes there, and it is the Host
   * Next.js is sent. Defaults to the host of `listen`.
   */
  serverName?: string
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

/** A host name, an IPv4 address or a bracketed IPv6 one: nothing else reaches the config. */
export const HOST_NAME =
  /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]+\])$/

/** An address that means "every address": it names no host to send readers to. */
export const EVERY_ADDRESS = /^(0\.0\.0\.0|\[::\])$/

/** host:port, as nginx's `listen` takes it. */
const LISTEN = /^(?<host>[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\]):(?<port>\d{1,5})$/

function parseListen(name: string, listen: string): { host: string; port: number } {
  const match = LISTEN.exec(listen)
  const port = Number(match?.groups?.port)
  if (!match?.groups?.host || !(port >= 1 && port <= 65535)) {
    throw new Error(`${name}: expected host:port, got ${JSON.stringify(listen)}`)
  }
  return { host: match.groups.host, port }
}

/**
 * A value as an nginx string: in double quotes, refused if it holds what nginx would read as
 * something else (`$` starts a variable in add_header and in certificate paths).
 */
export function nginxString(value: string): string {
  if (/["\\$\p{Cc}]/u.test(value)) {
    throw new Error(`cannot be written into the nginx config: ${JSON.stringify(value)}`)
  }
  return `"${value}"`
}

const addHeader = (header: { key: string; value: string }) =>
  `add_header ${header.key} ${nginxString(header.value)} always;`

/** The template with its @@PLACEHOLDERS@@ filled in (all but @@PREFIX@@, see preparePrefix). */
export function renderFrontConfig(config: FrontConfig, template = FRONT_TEMPLATE): string {
  // It goes into a regular expression in the config: nothing but what Next.js makes is taken.
  if (!PREVIEW_ID.test(config.previewId)) {
    throw new Error(`previewId: expected 32 hex digits, got ${JSON.stringify(config.previewId)}`)
  }
  const http = parseListen('listen', config.listen)
  const upstreams = typeof config.upstream === 'string' ? [config.upstream] : config.upstream
  if (upstreams.length === 0) throw new Error('upstream: expected at least one host:port')
  for (const server of upstreams) parseListen('upstream', server)
  const tls = config.tls
  const https = tls ? parseListen('tls.listen', tls.listen) : undefined
  const serverName = config.serverName ?? http.host
  if (!HOST_NAME.test(serverName) || EVERY_ADDRESS.test(serverName)) {
    throw new Error(
      `serverName: expected the site's host name, got ${JSON.stringify(serverName)}` +
        ' (a front listening on every address needs one)',
    )
  }
  for (const file of tls ? [tls.certificate, tls.key] : []) {
    if (!path.isAbsolute(file)) throw new Error(`tls: expected an absolute path, got ${file}`)
  }

  // Placeholders alone on their line: one directive per line, at that line's indentation.
  const blocks: Record<string, string[]> = {
    SECURITY_HEADERS: SECURITY_HEADERS.map(addHeader),
    HSTS: tls ? [addHeader(STRICT_TRANSPORT_SECURITY)] : [],
    NO_SCRIPT_CSP: [addHeader({ key: 'Content-Security-Policy', value: NO_SCRIPT_POLICY })],
    UPSTREAM_SERVERS: upstreams.map(
      // One failed attempt takes a server out for 5 s (then nginx tries it again); requests go to
      // the others meanwhile (proxy_next_upstream in the template).
      (server) => `server ${server} max_fails=1 fail_timeout=5s;`,
    ),
    HIDE_SECURITY_HEADERS: [...SECURITY_HEADERS, STRICT_TRANSPORT_SECURITY].map(
      (header) => `proxy_hide_header ${header.key};`,
    ),
  }
  const values: Record<string, string> = {
    SITE_LISTEN: tls ? `${tls.listen} ssl http2` : config.listen,
    HTTP_LISTEN: config.listen,
    SERVER_NAME: serverName,
    HTTPS_PORT: https && https.port !== 443 ? `:${https.port}` : '',
    TLS_CERT: tls ? nginxString(tls.certificate) : '',
    TLS_KEY: tls ? nginxString(tls.key) : '',
    STATIC_DIR: nginxString(
      config.staticDir.endsWith('/') ? config.staticDir : `${config.staticDir}/`,
    ),
    PREVIEW_ID: config.previewId,
    // Known only once the prefix folder is: preparePrefix fills it in.
    PREFIX: '@@PREFIX@@',
  }
  const source = readFileSync(template, 'utf8')
  // Lines between the markers are the HTTPS-only part.
  const conditional = /^[ \t]*# @@IF_TLS@@\n([\s\S]*?)^[ \t]*# @@END_IF_TLS@@\n/gm
  const text = source
    .replace(conditional, (_whole, inner: string) => (tls ? inner : ''))
    .replace(/^([ \t]*)@@([A-Z_]+)@@[ \t]*\n/gm, (whole, indent: string, name: string) => {
      const lines = blocks[name]
      if (lines === undefined) return whole
      return lines.map((line) => `${indent}${line}\n`).join('')
    })
    .split('\n')
    // Comments name the placeholders: they are kept as written.
    .map((line) =>
      line.trimStart().startsWith('#')
        ? line
        : line.replace(/@@([A-Z_]+)@@/g, (whole, name: string) => {
            const value = values[name]
            if (value === undefined) throw new Error(`${template}: unknown placeholder ${whole}`)
            return value
          }),
    )
    .join('\n')
  return text
}

/** The cache folder in an nginx prefix folder: `proxy_cache_path cache` in the template. */
export function frontCache(prefix: string): string {
  return path.resolve(prefix, 'cache')
}

/** The pages nginx sends itself, by file name in html/ (see the template). */
const OWN_PAGES = {
  // While `next start` cannot be reached (`location @unavailable`).
  'unavailable.html': UNAVAILABLE_PAGE,
  // To a client over a rate limit (`location @too_many_requests`).
  'too-many-requests.html': TOO_MANY_REQUESTS_PAGE,
  // A request nginx cannot read, or an address too long (`location = /_front/bad-request.html`).
  'bad-request.html': BAD_REQUEST_PAGE,
}

/**
 * Creates an nginx prefix folder (conf, logs, temp, cache, and html with the pages nginx sends
 * itself) and fills in the config's @@PREFIX@@. Its folders are world-readable because nginx
 * started by root runs its workers as `nobody`, and they must reach the cache and the pages
 * inside; the config file is not (see below).
 */
export function preparePrefix(prefix: string, conf: string): string {
  // It becomes part of the gate's socket address, a quoted string in the config.
  if (/["\\\p{Cc}]/u.test(path.resolve(prefix))) {
    throw new Error(`${path.resolve(prefix)}: an nginx prefix folder cannot hold " or \\`)
  }
  for (const dir of ['', 'logs', 'temp', 'cache', 'html']) {
    mkdirSync(path.join(prefix, dir), { recursive: true })
    chmodSync(path.join(prefix, dir), 0o755)
  }
  for (const [name, page] of Object.entries(OWN_PAGES)) {
    writeFileSync(path.join(prefix, 'html', name), errorPageDocument(page), { mode: 0o644 })
  }
  // nginx removes its socket when it stops, but not after being killed, and then cannot bind it.
  rmSync(path.join(prefix, 'gate.sock'), { force: true })
  const confFile = path.join(prefix, 'nginx.conf')
  // Only the owner may read it: the front's config holds the key to drafts (PREVIEW_ID). nginx
  // reads it in its master process, as the user who started it.
  writeFileSync(confFile, conf.replaceAll('@@PREFIX@@', path.resolve(prefix)), { mode: 0o600 })
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
