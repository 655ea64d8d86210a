/**
 * Debian's redis-server for the shared render cache (lib/server/render-cache/), started on
 * loopback in the foreground by `npm run start:front` (INSTANCES > 1 without REDIS_URL) and by
 * the tests, with the project's config (ops/redis/redis.conf): its data, pid and log in `dir`.
 */
import { mkdirSync } from 'node:fs'
import { connect } from 'node:net'
import path from 'node:path'
import { sleep, start, type Managed } from './processes'
import { which } from './tools'

export const REDIS_CONFIG = path.resolve(__dirname, '../../ops/redis/redis.conf')

export const REDIS_MISSING =
  'redis-server is not installed. On Debian or Ubuntu: apt-get install -y redis-server (as root;' +
  ' start:front runs it itself, the system service is not needed), or set REDIS_URL.'

/**
 * Starts redis-server on 127.0.0.1:port with its files in dir, and waits until it answers.
 * `settings` override the config's (e.g. `['--maxmemory', '2mb']`).
 */
export async function startRedis(
  name: string,
  port: number,
  dir: string,
  settings: string[] = [],
): Promise<Managed> {
  const binary = which('redis-server')
  if (!binary) throw new Error(REDIS_MISSING)
  mkdirSync(dir, { recursive: true })
  const args = [REDIS_CONFIG, '--port', String(port), '--dir', path.resolve(dir)]
  args.push(
    '--pidfile',
    path.resolve(dir, 'redis.pid'),
    '--logfile',
    path.resolve(dir, 'redis.log'),
    ...settings,
  )
  const redis = start(name, binary, args, { logFile: path.join(dir, 'redis.out') })
  await waitForRedis(port, redis)
  return redis
}

/** True when something on 127.0.0.1:port answers PING with PONG. */
export function pingRedis(port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port })
    const done = (ok: boolean) => {
      socket.destroy()
      resolve(ok)
    }
    socket.setTimeout(timeoutMs, () => done(false))
    socket.once('error', () => done(false))
    socket.once('connect', () => socket.write('PING\r\n'))
    socket.once('data', (data) => done(data.toString().startsWith('+PONG')))
  })
}

async function waitForRedis(port: number, redis: Managed, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  let exitCode: number | string | undefined
  void redis.exited.then((code) => (exitCode = code))
  while (Date.now() < deadline) {
    if (exitCode !== undefined) {
      throw new Error(`${redis.name} exited (${exitCode}); see ${redis.logFile}`)
    }
    if (await pingRedis(port)) return
    await sleep(100)
  }
  throw new Error(`${redis.name} did not answer on 127.0.0.1:${port} within ${timeoutMs / 1000} s`)
}
