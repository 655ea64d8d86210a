import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import type * as fs from 'node:fs'

const opened = vi.hoisted(() => ({ now: 0, peak: 0, slow: false }))
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof fs>()
  return {
    ...real,
    readFileSync: (...args: Parameters<typeof real.readFileSync>) => {
      opened.now++
      opened.peak = Math.max(opened.peak, opened.now)
      try {
        const until = performance.now() + (opened.slow ? 1 : 0)
        while (performance.now() < until);
        return real.readFileSync(...args)
      } finally {
        opened.now--
      }
    },
  }
})

const { readContentFile, statContentFile, TURN_MS } = await import('./read')

let root = ''
afterAll(() => rm(root, { recursive: true, force: true }))

describe('readContentFile', () => {
  it('reads every file asked for together, one open file at a time', async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'marquee-read-'))
    const files = Array.from({ length: 500 }, (_, i) => path.join(root, `f${i}.md`))
    await Promise.all(files.map((file, i) => writeFile(file, `file ${i}`)))
    const texts = await Promise.all(files.map(readContentFile))
    expect(texts).toEqual(files.map((_, i) => `file ${i}`))
    expect(opened.peak).toBe(1)
    await expect(readContentFile(path.join(root, 'missing.md'))).rejects.toThrow()
    expect(await readContentFile(files[0]!)).toBe('file 0')
  })

  it('lets the event loop run between turns', async () => {
    opened.slow = true
    const files = Array.from({ length: 10 * TURN_MS }, (_, i) => path.join(root, `f${i}.md`))
    let readsBeforeTimer = -1
    let done = 0
    const reads = files.map((file) => readContentFile(file).then(() => done++))
    setImmediate(() => (readsBeforeTimer = done))
    await Promise.all(reads)
    opened.slow = false
    expect(readsBeforeTimer).toBeGreaterThan(0)
    expect(readsBeforeTimer).toBeLessThan(files.length)
  })
})

describe('statContentFile', () => {
  it('gives size and modification time, and undefined for a missing file or a folder', async () => {
    const stamp = await statContentFile(path.join(root, 'f1.md'))
    expect(stamp?.size).toBe('file 1'.length)
    expect(stamp?.mtimeMs).toBeGreaterThan(0)
    expect(await statContentFile(path.join(root, 'missing.md'))).toBeUndefined()
    expect(await statContentFile(root)).toBeUndefined()
  })
})
