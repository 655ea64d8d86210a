/**
 * Production front on one machine: `next start` on loopback behind nginx (ops/nginx/marquee.conf).
 * Needs a build (`npm run build`) and nginx (`apt-get install nginx`); runs without root. nginx's
 * conf, pid, logs, temp files and cache live in .nginx/. Ctrl-C (or SIGTERM) stops both. When
 * next start exits on its own it is started again (scripts/lib/supervise.ts) while nginx answers
 * from its cache; when nginx exits, both stop.
 *
 *   PORT=3000 FRONT_PORT=8080 npm run start:front
 *
 * HOST (127.0.0.1) is where next start listens, FRONT_HOST (127.0.0.1) where nginx does.
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
import { isStopping, start, stopAll, waitForHttp } from './lib/processes'
import { keepRunning } from './lib/supervise'
import { packageBin, which } from './lib/tools'

const root = path.resolve(import.meta.dirname, '..')

function port(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback)
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    throw new Error(`${name} must be a port number, got ${process.env[name]}`)
  }
  return value
}

async function main() {
  if (!which('nginx')) throw new Error(NGINX_MISSING)
  const nextPort = port('PORT', 3000)
  const frontPort = port('FRONT_PORT', 8080)
  const host = process.env.HOST ?? '127.0.0.1'
  const frontHost = process.env.FRONT_HOST ?? '127.0.0.1'
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
  })
  const confFile = preparePrefix(prefix, conf)
  const nginx = await startNginx('nginx', prefix, confFile)
  try {
    await waitForHttp(`http://${frontHost}:${frontPort}/`, nginx, 15_000)
  } catch (error) {
    const log = path.join(prefix, 'logs', 'error.log')
    if (existsSync(log)) console.error(readFileSync(log, 'utf8').split('\n').slice(-10).join('\n'))
    throw error
  }

  console.log(
    `\nMarquee: http://${frontHost}:${frontPort}/ (nginx, cache in ${path.relative(root, prefix)}/cache)` +
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
