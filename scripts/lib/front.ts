/**
 * The nginx production front (ops/nginx/marquee.conf): renders the template for given ports and
 * paths into an nginx prefix folder and starts nginx there in the foreground, in its own process
 * group, without root and without /etc/nginx.
 */
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
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

/**
 * Creates an nginx prefix folder (conf, logs, temp, cache). It is world-readable because nginx
 * started by root runs its workers as `nobody`, and they must reach the cache folder inside.
 */
export function preparePrefix(prefix: string, conf: string): string {
  for (const dir of ['', 'logs', 'temp', 'cache']) {
    mkdirSync(path.join(prefix, dir), { recursive: true })
    chmodSync(path.join(prefix, dir), 0o755)
  }
  const confFile = path.join(prefix, 'nginx.conf')
  writeFileSync(confFile, conf)
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
