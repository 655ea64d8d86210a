import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import type * as fsPromises from 'node:fs/promises'

const opened = vi.hoisted(() => ({ now: 0, peak: 0 }))
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof fsPromises>()
  return {
    ...real,
    readFile: async (...args: Parameters<typeof real.readFile>) => {
      opened.now++
      opened.peak = Math.max(opened.peak, opened.now)
      try {
        return await real.readFile(...args)
      } finally {
        opened.now--
      }
    },
  }
})

const { MAX_OPEN_FILES, readContentFile } = await import('./read')

let root = ''
afterAll(() => rm(root, { recursive: true, force: true }))

describe('readContentFile', () => {
  it('reads every file asked for together, never more than MAX_OPEN_FILES at once', async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'marquee-read-'))
    const files = Array.from({ length: 500 }, (_, i) => path.join(root, `f${i}.md`))
    await Promise.all(files.map((file, i) => writeFile(file, `file ${i}`)))
    const texts = await Promise.all(files.map(readContentFile))
    expect(texts).toEqual(files.map((_, i) => `file ${i}`))
    expect(opened.peak).toBeLessThanOrEqual(MAX_OPEN_FILES)
    expect(opened.peak).toBeGreaterThan(1)
    await expect(readContentFile(path.join(root, 'missing.md'))).rejects.toThrow()
    expect(await readContentFile(files[0]!)).toBe('file 0')
  })
})
