/**
 * The speed layer must not change what a load gives: the bundled library and a 1,000-story
 * synthetic one load to the same library and the same findings on the plain path (remark and
 * `yaml` only) and on the fast path, from a cold cache and from the cache it wrote.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { writeSynthLibrary } from '@/scripts/synth/write'
import { loadLibrary, type LoadResult } from '../load'
import { differences } from './differences'

const CONTENT = path.resolve(__dirname, '../../../content')
const UNTIL = new Date('2026-11-20T00:00:00Z')
const folders: string[] = []

async function tempDir(prefix: string): Promise<string> {
  const folder = await mkdtemp(path.join(os.tmpdir(), prefix))
  folders.push(folder)
  return folder
}

afterAll(() => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))))

async function loadBothWays(root: string, now: number) {
  const cacheDir = await tempDir('marquee-fast-path-cache-')
  const plain = await loadLibrary(root, { now, fastPath: false })
  const cold = await loadLibrary(root, { now, cacheDir })
  const warm = await loadLibrary(root, { now, cacheDir })
  return { plain, cold, warm }
}

function expectSame(plain: LoadResult, fast: LoadResult, options?: { skip?: string[] }) {
  expect(plain.library).toBeDefined()
  expect(differences(plain, fast, options)).toEqual([])
}

// Each body is parsed by remark twice (once per path): seconds on a busy 2-core machine.
describe('the fast path loads what the plain path loads', { timeout: 180_000 }, () => {
  it('on the bundled library', async () => {
    const { plain, cold, warm } = await loadBothWays(CONTENT, Date.now())
    expectSame(plain, cold)
    expectSame(plain, warm)
  })

  it('on a 1,000-story synthetic library', async () => {
    const root = await tempDir('marquee-fast-path-synth-')
    writeSynthLibrary({
      articles: 1000,
      seed: 'fast-path',
      until: UNTIL,
      out: root,
      imagesFrom: path.join(CONTENT, 'images'),
      force: true,
    })
    const { plain, cold, warm } = await loadBothWays(root, UNTIL.getTime())
    expect(plain.library?.articles).toHaveLength(1000)
    expectSame(plain, cold)
    // A body's tree never comes from the cache (speed/body.ts reads the file): compared above.
    expectSame(plain, warm, { skip: ['body'] })
  })
})
