/**
 * A redis-server of its own for a vitest `describe` block: Debian's, started from the project's
 * config (startRedis) on a free port from 6390-6399 with its files in a temporary folder, and a
 * client connected to it. After the block, the client closes before the server stops (a client
 * left open would log reconnect errors into the next test), then the folder is removed.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { createClient } from '@redis/client'
import { afterAll, beforeAll } from 'vitest'
import { freePort } from './ports'
import { stop, type Managed } from './processes'
import { startRedis } from './redis'

type DefaultClient = ReturnType<typeof createClient>

export interface RedisServerOptions<C> {
  /** Overrides of ops/redis/redis.conf, e.g. `['--maxmemory', '2mb']`. */
  settings?: string[]
  /** Makes and connects the client (default: createClient({ url }), connected). */
  connect?: (url: string) => Promise<C>
  /** Closes the client (default: QUIT). */
  close?: (client: C) => Promise<unknown> | void
}

export interface RedisServer<C> {
  /** The connected client; read it inside a test or hook, once beforeAll has run. */
  readonly client: C
}

export function useRedisServer<C = DefaultClient>(
  name: string,
  options: RedisServerOptions<C> = {},
): RedisServer<C> {
  const connect =
    options.connect ??
    (async (url: string) => {
      const client = createClient({ url })
      await client.connect()
      return client as C
    })
  const close = options.close ?? ((client: C) => (client as DefaultClient).quit())
  let dir: string | undefined
  let server: Managed | undefined
  let client: C | undefined

  beforeAll(async () => {
    const port = await freePort(6390, 6399)
    dir = await mkdtemp(path.join(os.tmpdir(), 'marquee-redis-'))
    server = await startRedis(name, port, dir, options.settings)
    client = await connect(`redis://127.0.0.1:${port}`)
  })

  afterAll(async () => {
    if (client !== undefined) await close(client)
    if (server) await stop(server)
    if (dir) await rm(dir, { recursive: true, force: true })
  })

  return {
    get client() {
      if (client === undefined) throw new Error(`${name}: no client before beforeAll has run`)
      return client
    },
  }
}
