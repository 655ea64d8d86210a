import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { purgeFrontCache } from './front-cache'

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
      writeFileSync(path.join(dir, file), 'KEY: httplocalhost/tv\n')
    }
    return dir
  }
  const left = (dir: string) =>
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
      .sort()

  it('deletes every stored response and keeps the folders nginx made', async () => {
    const dir = cacheWith([
      'f/3c/9a1b2c3d4e5f60718293a4b5c6d7e3cf',
      'f/3c/0123456789abcdef0123456789abc3cf',
      '0/a1/fedcba9876543210fedcba9876543a10',
    ])
    expect(await purgeFrontCache(dir)).toBe(3)
    expect(left(dir)).toEqual([])
    expect(readdirSync(path.join(dir, 'f'))).toEqual(['3c'])
    // Nothing left to delete is not an error.
    expect(await purgeFrontCache(dir)).toBe(0)
  })

  it('leaves a response nginx is still writing, and anything that is not a response', async () => {
    const dir = cacheWith([
      'f/3c/9a1b2c3d4e5f60718293a4b5c6d7e3cf',
      'f/3c/0000000012',
      'README',
      'f/3c/9A1B2C3D4E5F60718293A4B5C6D7E3CF',
    ])
    expect(await purgeFrontCache(dir)).toBe(1)
    expect(left(dir)).toEqual([
      'README',
      'f/3c/0000000012',
      'f/3c/9A1B2C3D4E5F60718293A4B5C6D7E3CF',
    ])
  })

  it('fails on a folder that is not there: the front would go on serving its copies', async () => {
    const dir = path.join(tmpdir(), 'marquee-no-such-front-cache')
    await expect(purgeFrontCache(dir)).rejects.toThrow(/ENOENT/)
  })
})
