import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readFrontEnv } from './front-env'

describe('the environment of npm run start:front', () => {
  let dir: string
  let cert: string
  let key: string
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'marquee-front-env-'))
    cert = path.join(dir, 'cert.pem')
    key = path.join(dir, 'key.pem')
    writeFileSync(cert, 'certificate')
    writeFileSync(key, 'key', { mode: 0o600 })
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('runs plain HTTP on loopback by default, as before', () => {
    expect(readFrontEnv({})).toEqual({
      next: { host: '127.0.0.1', port: 3000 },
      instances: 1,
      redis: undefined,
      front: { host: '127.0.0.1', port: 8080 },
      tls: undefined,
      serverName: '127.0.0.1',
    })
    // An empty variable is an unset one.
    expect(readFrontEnv({ TLS_CERT: '', TLS_KEY: '', PORT: '' }).tls).toBeUndefined()
  })

  it('runs several instances on one Redis: the one named, or one of its own on REDIS_PORT', () => {
    expect(readFrontEnv({ INSTANCES: '3' }).redis).toEqual({
      url: 'redis://127.0.0.1:6379',
      start: 6379,
    })
    expect(
      readFrontEnv({ INSTANCES: '3', REDIS_URL: 'redis://cache.internal:6380' }).redis,
    ).toEqual({ url: 'redis://cache.internal:6380' })
    expect(readFrontEnv({ REDIS_URL: 'redis://127.0.0.1:6390' }).redis?.url).toBe(
      'redis://127.0.0.1:6390',
    )
    expect(() => readFrontEnv({ INSTANCES: '0' })).toThrow(/INSTANCES/)
    expect(() => readFrontEnv({ REDIS_URL: 'http://127.0.0.1:6379' })).toThrow(/REDIS_URL/)
    expect(() => readFrontEnv({ PORT: '65535', INSTANCES: '2' })).toThrow(/INSTANCES/)
  })

  it('serves HTTPS on FRONT_TLS_PORT (8443) with a certificate and its key', () => {
    expect(readFrontEnv({ TLS_CERT: cert, TLS_KEY: key }).tls).toEqual({
      port: 8443,
      certificate: cert,
      key,
    })
    const relative = path.relative(process.cwd(), cert)
    const env = readFrontEnv({ TLS_CERT: relative, TLS_KEY: key, FRONT_TLS_PORT: '443' })
    expect(env.tls).toEqual({ port: 443, certificate: cert, key })
  })

  it('names the host of the redirect: FRONT_SERVER_NAME, else SITE_URL’s, else FRONT_HOST', () => {
    const site = { SITE_URL: 'https://marquee.example/' }
    expect(readFrontEnv({ ...site, FRONT_SERVER_NAME: 'www.marquee.example' }).serverName).toBe(
      'www.marquee.example',
    )
    expect(readFrontEnv(site).serverName).toBe('marquee.example')
    expect(readFrontEnv({ FRONT_HOST: '192.0.2.10' }).serverName).toBe('192.0.2.10')
  })

  it.each([
    [{ PORT: '70000' }, 'PORT: Too big'],
    [{ FRONT_PORT: 'eighty' }, 'FRONT_PORT: Invalid input: expected number'],
    [
      { TLS_CERT: '/nowhere/cert.pem', TLS_KEY: '/nowhere/key.pem' },
      'TLS_CERT: expected a readable file',
    ],
    [{ TLS_CERT: '/', TLS_KEY: '/' }, 'TLS_KEY: expected a readable file'],
    [{ TLS_CERT: 'CERT' }, 'TLS_KEY: set both or neither'],
    [{ TLS_KEY: 'KEY' }, 'TLS_CERT: set both or neither'],
    [{ TLS_CERT: 'CERT', TLS_KEY: 'KEY', FRONT_TLS_PORT: '8080' }, 'FRONT_TLS_PORT: must differ'],
    [{ FRONT_SERVER_NAME: 'evil.example; return 200' }, 'FRONT_SERVER_NAME: expected a host name'],
    [{ FRONT_HOST: '0.0.0.0' }, 'FRONT_SERVER_NAME: required when FRONT_HOST listens'],
    [{ HOST: 'localhost:3000' }, 'HOST: expected a host name'],
  ])('refuses %j, naming the variable', (source, message) => {
    const env = Object.fromEntries(
      Object.entries(source).map(([name, value]) => [
        name,
        value === 'CERT' ? cert : value === 'KEY' ? key : value,
      ]),
    )
    expect(() => readFrontEnv(env)).toThrow(message)
  })

  it.skipIf(process.getuid?.() === 0)('refuses a key it cannot read', () => {
    const locked = path.join(dir, 'locked.pem')
    writeFileSync(locked, 'key')
    chmodSync(locked, 0)
    expect(() => readFrontEnv({ TLS_CERT: cert, TLS_KEY: locked })).toThrow(
      'TLS_KEY: expected a readable file',
    )
  })
})
