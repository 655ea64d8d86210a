/**
 * Production front on one machine: `next start` on loopback behind nginx (ops/nginx/marquee.conf).
 * Needs a build (`npm run build`) and nginx (`apt-get install nginx`); runs without root. nginx's
 * conf, pid, logs, temp files and cache live in .nginx/. Ctrl-C (or SIGTERM) stops both. When
 * next start exits on its own it is started again (scripts/lib/supervise.ts) while nginx answers
 * from its cache; when nginx exits, both stop.
 *
 *   PORT=3000 FRONT_PORT=8080 npm run start:front
 *   TLS_CERT=cert.pem TLS_KEY=key.pem FRONT_TLS_PORT=8443 npm run start:front
 *   INSTANCES=3 REDIS_URL=redis://127.0.0.1:6379 npm run start:front
 *
 * With INSTANCES, that many `next start` of the build run on PORT, PORT + 1, … and share their
 * renders through Redis (lib/server/render-cache/); without REDIS_URL, Debian's redis-server is
 * started on 127.0.0.1:REDIS_PORT (6379) with ops/redis/redis.conf, its files in .redis/. Each
 * instance counts as up once GET /api/health answers 200, and is restarted when it dies.
 *
 * HOST (127.0.0.1) is where next start listens, FRONT_HOST (127.0.0.1) where nginx does; with
 * TLS_CERT and TLS_KEY, HTTPS (HTTP/2) is on FRONT_TLS_PORT and FRONT_PORT redirects to it. The
 * variables are read by scripts/lib/front-env.ts.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import {
  frontCache,
  NGINX_MISSING,
  preparePrefix,
  previewModeId,
  renderFrontConfig,
  startNginx,
} from './lib/front'
import { readFrontEnv } from './lib/front-env'
import { isStopping, sleep, start, stopAll, waitForHttp, type Managed } from './lib/processes'
import { startRedis } from './lib/redis'
import { keepRunning } from './lib/supervise'
import { packageBin, which } from './lib/tools'

const root = path.resolve(import.meta.dirname, '..')

async function main() {
  if (!which('nginx')) throw new Error(NGINX_MISSING)
  const env = readFrontEnv()
  const { host, port: nextPort } = env.next
  const { host: frontHost, port: frontPort } = env.front
  const distDir = path.resolve(root, process.env.NEXT_DIST_DIR || '.next')
  if (!existsSync(path.join(distDir, 'BUILD_ID'))) {
    throw new Error(`no production build in ${distDir}: run npm run build first`)
  }

  const prefix = path.join(root, '.nginx')
  const redis = env.redis
  if (redis?.start !== undefined) {
    await startRedis('redis-server', redis.start, path.join(root, '.redis'))
  }
  const ports = Array.from({ length: env.instances }, (_, index) => nextPort + index)
  const startNext = (port: number) =>
    start(
      ports.length > 1 ? `next start :${port}` : 'next start',
      process.execPath,
      [packageBin(root, 'next', 'next'), 'start', '-H', host, '-p', String(port)],
      // POST /api/revalidate purges nginx's cache, so a change is published at once.
      {
        cwd: root,
        logFile: 'inherit',
        env: {
          ...process.env,
          FRONT_CACHE_DIR: frontCache(prefix),
          ...(redis && { REDIS_URL: redis.url }),
        },
      },
    )
  const instances = ports.map(startNext)
  await Promise.all(
    instances.map((instance, index) => waitForHealth(host, ports[index] ?? nextPort, instance)),
  )

  const confFile = preparePrefix(
    prefix,
    renderFrontConfig({
      listen: `${frontHost}:${frontPort}`,
      upstream: ports.map((port) => `${host}:${port}`),
      staticDir: path.join(distDir, 'static'),
      previewId: previewModeId(distDir),
      serverName: env.serverName,
      tls: env.tls && {
        listen: `${frontHost}:${env.tls.port}`,
        certificate: env.tls.certificate,
        key: env.tls.key,
      },
    }),
  )
  const nginx = await startNginx('nginx', prefix, confFile)
  try {
    // With TLS this is the redirect, from the same nginx as HTTPS.
    await waitForHttp(`http://${frontHost}:${frontPort}/`, nginx, 15_000)
  } catch (error) {
    const log = path.join(prefix, 'logs', 'error.log')
    if (existsSync(log)) console.error(readFileSync(log, 'utf8').split('\n').slice(-10).join('\n'))
    throw error
  }

  const site = env.tls
    ? `https://${env.serverName}${env.tls.port === 443 ? '' : `:${env.tls.port}`}/ (HTTP/2; http://${frontHost}:${frontPort}/ redirects there)`
    : `http://${frontHost}:${frontPort}/`
  const upstream =
    ports.length > 1
      ? `${ports.length} × next start on http://${host}:${ports[0]}-${ports.at(-1)}/ sharing Redis ${redis?.url}`
      : `next start on http://${host}:${nextPort}/`
  console.log(
    `\nMarquee: ${site} (nginx, cache in ${path.relative(root, prefix)}/cache)` +
      ` -> ${upstream}\nLogs: ${path.relative(root, prefix)}/logs/. Ctrl-C stops everything.`,
  )
  // nginx serves its cached pages, the other instances the rest, and the 503 page for what none
  // can, while an instance is restarted.
  const nginxExited = nginx.exited.then(
    (code) => `nginx exited (${code}); see .nginx/logs/error.log`,
  )
  // An instance that died or is stopping is left to nginx: a refused connection (or a 502/503)
  // takes it out of the upstream for fail_timeout and the request goes to another one
  // (ops/nginx/marquee.conf). nginx is never reloaded for it, which would close readers'
  // keep-alive connections.
  const ended = await Promise.race(
    instances.map((instance, index) => {
      const port = ports[index] ?? nextPort
      const relaunch = () => {
        const next = startNext(port)
        waitForHealth(host, port, next).catch((error: unknown) => console.error(String(error)))
        return next
      }
      return keepRunning(instance, relaunch, nginxExited, {
        onRestart: ({ code, upForMs, delayMs, count }) => {
          console.error(
            `\nnext start on :${port} exited (${code}) after ${(upForMs / 1000).toFixed(1)} s; ` +
              `${ports.length > 1 ? 'the others answer' : 'nginx answers from its cache'} ` +
              `meanwhile. Restart ${count} in ${delayMs / 1000} s.`,
          )
        },
      })
    }),
  )
  if (ended !== undefined) throw new Error(ended)
}

/**
 * Waits until the instance on port answers GET /api/health with 200 (its library loaded, its
 * cache reachable). One whose Redis cannot be reached serves all the same: that is logged.
 */
async function waitForHealth(host: string, port: number, instance: Managed): Promise<void> {
  const url = `http://${host}:${port}/api/health`
  const deadline = Date.now() + 120_000
  let exitCode: number | string | undefined
  void instance.exited.then((code) => (exitCode = code))
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`${instance.name} exited (${exitCode})`)
    const health = await fetch(url, { signal: AbortSignal.timeout(5000) })
      .then(async (response) => ({ code: response.status, body: await response.json() }))
      .catch(() => undefined)
    if (health?.code === 200) return
    if (health?.body?.status === 'cache unreachable') {
      console.error(`${instance.name}: Redis cannot be reached; it renders on its own meanwhile.`)
      return
    }
    await sleep(200)
  }
  throw new Error(`${instance.name} was not ready within 120 s (${url})`)
}

main().catch(async (error: unknown) => {
  if (isStopping()) return
  console.error(error instanceof Error ? error.message : error)
  await stopAll()
  process.exit(1)
})
