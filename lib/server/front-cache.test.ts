import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { purgeFrontCache } from './front-cache'

/** The start of a file nginx stored: format version 5 (8 bytes, little-endian), then the rest. */
const STORED = Buffer.concat([
  Buffer.from([5, 0, 0, 0, 0, 0, 0, 0]),
  Buffer.from('\u0000\u0000\u0000\u0000valid…\nKEY: http127.0.0.1/tv\n<html>…</html>'),
])

describe('purgeFrontCache', () => {
  const dirs: string[] = []
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
  })

  /** A cache folder laid out as nginx's `levels=1:2`: the key's MD5, its last 1 and 2 hex digits. */
  function cacheWith(files: string[]): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'marquee-front-cache-'))
    dirs.push(dir)
    for (const file of files) {
      mkdirSync(path.join(dir, path.dirname(file)), { recursive: true })
      writeFileSync(path.join(dir, file), STORED)
    }
    return dir
  }
  const read = (dir: string, file: string) => readFileSync(path.join(dir, file))
  /** What a purged file holds: no version, and every other byte as it was. */
  const purged = Buffer.concat([Buffer.alloc(8), STORED.subarray(8)])

  it('takes the version out of every stored response and keeps the files', async () => {
    const stored = [
      'f/3c/9a1b2c3d4e5f60718293a4b5c6d7e3cf',
      'f/3c/0123456789abcdef0123456789abc3cf',
      '0/a1/fedcba9876543210fedcba9876543a10',
    ]
    const dir = cacheWith(stored)
    expect(await purgeFrontCache(dir)).toBe(3)
    for (const file of stored) expect(read(dir, file).equals(purged), file).toBe(true)
    // Again is harmless: nginx will have written a new file for each page asked for since.
    expect(await purgeFrontCache(dir)).toBe(3)
    expect(read(dir, stored[0]!).equals(purged)).toBe(true)
  })

  it('leaves a response nginx is still writing, and anything that is not a response', async () => {
    const others = ['f/3c/0000000012', 'README', 'f/3c/9A1B2C3D4E5F60718293A4B5C6D7E3CF']
    const dir = cacheWith(['f/3c/9a1b2c3d4e5f60718293a4b5c6d7e3cf', ...others])
    expect(await purgeFrontCache(dir)).toBe(1)
    for (const file of others) expect(read(dir, file).equals(STORED), file).toBe(true)
  })

  it('handles more files than it opens at once', async () => {
    const many = Array.from({ length: 200 }, (_, i) => `a/bc/${i.toString(16).padStart(32, '0')}`)
    const dir = cacheWith(many)
    expect(await purgeFrontCache(dir)).toBe(200)
    expect(read(dir, many[199]!).equals(purged)).toBe(true)
  })

  it('fails on a folder that is not there: the front would go on serving its copies', async () => {
    const dir = path.join(tmpdir(), 'marquee-no-such-front-cache')
    await expect(purgeFrontCache(dir)).rejects.toThrow(/ENOENT/)
  })
})
