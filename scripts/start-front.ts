/**
 * Production front on one machine: `next start` on loopback behind nginx (ops/nginx/marquee.conf).
 * Needs a build (`npm run build`) and nginx (`apt-get install nginx`); runs without root. nginx's
 * conf, pid, logs, temp files and cache live in .nginx/. Ctrl-C (or SIGTERM) stops both. When
 * next start exits on its own it is started again (scripts/lib/supervise.ts) while nginx answers
 * from its cache; when nginx exits, both stop.
 *
 *   PORT=3000 FRONT_PORT=8080 npm run start:front
 *   TLS_CERT=cert.pem TLS_KEY=key.pem FRONT_TLS_PORT=8443 npm run start:front
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
import { isStopping, start, stopAll, waitForHttp } from './lib/processes'
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
  const startNext = () =>
    start(
      'next start',
      process.execPath,
      [packageBin(root, 'next', 'next'), 'start', '-H', host, '-p', String(nextPort)],
      // POST /api/revalidate purges nginx's cache, so a change is published at once.
      {
        cwd: root,
        logFile: 'inherit',
        env: { ...process.env, FRONT_CACHE_DIR: frontCache(prefix) },
      },
    )
  const next = startNext()
  await waitForHttp(`http://${host}:${nextPort}/`, next)

  const conf = renderFrontConfig({
    listen: `${frontHost}:${frontPort}`,
    upstream: `${host}:${nextPort}`,
    staticDir: path.join(distDir, 'static'),
    previewId: previewModeId(distDir),
    serverName: env.serverName,
    tls: env.tls && {
      listen: `${frontHost}:${env.tls.port}`,
      certificate: env.tls.certificate,
      key: env.tls.key,
    },
  })
  const confFile = preparePrefix(prefix, conf)
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
  console.log(
    `\nMarquee: ${site} (nginx, cache in ${path.relative(root, prefix)}/cache)` +
      ` -> next start on http://${host}:${nextPort}/\nLogs: ${path.relative(root, prefix)}/logs/. Ctrl-C stops both.`,
  )
  // nginx serves its cached pages, and the 503 page for the rest, while next start is restarted.
  const ended = await keepRunning(
    next,
    startNext,
    nginx.exited.then((code) => `nginx exited (${code}); see .nginx/logs/error.log`),
    {
      onRestart: ({ code, upForMs, delayMs, count }) =>
        console.error(
          `\nnext start exited (${code}) after ${(upForMs / 1000).toFixed(1)} s; nginx answers ` +
            `from its cache meanwhile. Restart ${count} in ${delayMs / 1000} s.`,
        ),
    },
  )
  if (ended !== undefined) throw new Error(ended)
}

main().catch(async (error: unknown) => {
  if (isStopping()) return
  console.error(error instanceof Error ? error.message : error)
  await stopAll()
  process.exit(1)
})
