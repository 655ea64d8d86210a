import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ALWAYS_WHOLE, contentSignature, FULL_CYCLE_MS, sweepDone } from './changes'

const roots: string[] = []
afterAll(() => Promise.all(roots.map((root) => rm(root, { recursive: true, force: true }))))

async function library(files: number): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'marquee-changes-'))
  roots.push(root)
  await mkdir(path.join(root, 'articles'))
  await writeFile(path.join(root, 'site.yaml'), 'name: x\n')
  await Promise.all(
    Array.from({ length: files }, (_, i) =>
      writeFile(path.join(root, 'articles', `story-${i}.md`), `---\ntitle: ${i}\n---\n`),
    ),
  )
  return root
}

/** Sets a file's modification time without changing its size (an edit in place). */
async function touch(file: string, seconds: number) {
  await utimes(file, seconds, seconds)
}

describe('contentSignature', () => {
  it('sees an edit in place at the next check in a small library', async () => {
    const root = await library(20)
    const t0 = 1_000_000
    const first = await contentSignature(root, t0)
    expect(await contentSignature(root, t0 + 5_000)).toBe(first)
    await touch(path.join(root, 'articles', 'story-7.md'), 1_000)
    const second = await contentSignature(root, t0 + 10_000)
    expect(second).not.toBe(first)
    expect(await contentSignature(root, t0 + 15_000)).toBe(second)
  })

  it('sees added, removed and renamed files at once however large the library', async () => {
    const root = await library(ALWAYS_WHOLE + 500)
    const t0 = 2_000_000
    let signature = await contentSignature(root, t0)
    const expectChange = async (at: number) => {
      const next = await contentSignature(root, at)
      expect(next).not.toBe(signature)
      signature = next
    }
    await writeFile(path.join(root, 'articles', 'new-story.md'), 'x')
    await expectChange(t0 + 1)
    await rm(path.join(root, 'articles', 'story-3.md'))
    await expectChange(t0 + 2)
    await mkdir(path.join(root, 'galleries'))
    await writeFile(path.join(root, 'galleries', 'g.yaml'), 'x')
    await expectChange(t0 + 3)
    expect(await contentSignature(root, t0 + 4)).toBe(signature)
  })

  it('sees an edit in place within a full cycle in a large library, a share per check', async () => {
    const root = await library(ALWAYS_WHOLE + 2_000)
    const t0 = 3_000_000
    const first = await contentSignature(root, t0)
    await touch(path.join(root, 'articles', 'story-1234.md'), 2_000)
    let seenAt: number | undefined
    for (let t = t0 + 5_000; t <= t0 + FULL_CYCLE_MS + 10_000; t += 5_000) {
      const signature = await contentSignature(root, t)
      // What a background look finds shows at the next check.
      await sweepDone(root)
      if (signature !== first) {
        seenAt = t
        break
      }
    }
    expect(seenAt).toBeDefined()
    expect(seenAt! - t0).toBeLessThanOrEqual(60_000)
  })
})
