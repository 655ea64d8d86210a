import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { createTestLibrary, lineOf, removeTestLibraries } from '@/lib/content/test-library'

afterAll(removeTestLibraries)

// Each case starts a Node process: give it time on a busy machine.
describe('npm run content:check', { timeout: 30_000 }, () => {
  const run = promisify(execFile)
  const check = (dir: string) =>
    run(process.execPath, ['--import', 'tsx', 'scripts/content-check.ts', dir], {
      cwd: path.resolve(import.meta.dirname, '..'),
    }).then(
      ({ stdout }) => ({ code: 0, stdout }),
      (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
    )

  it('exits 0 on the bundled library', async () => {
    const { code, stdout } = await check('content')
    expect(stdout).toMatch(/0 error\(s\)/)
    expect(code).toBe(0)
  })

  it('exits 1 on a story whose image lacks alt text, naming file and line', async () => {
    const content = await createTestLibrary()
    const text = await content.writeArticle(
      'story',
      {},
      'Intro.\n\n![](/images/articles/inline.webp)\n',
    )
    const { code, stdout } = await check(content.root)
    expect(code).toBe(1)
    expect(stdout).toContain(
      `articles/story.md:${lineOf(text, '![]')}: error: body: image /images/articles/inline.webp ` +
        'has no alt text',
    )
  })

  it('exits 0 on warnings alone', async () => {
    const content = await createTestLibrary()
    await content.writeArticle('story', { title: 'x'.repeat(120) })
    const { code, stdout } = await check(content.root)
    expect(stdout).toMatch(/0 error\(s\), 1 warning\(s\)/)
    expect(code).toBe(0)
  })
})
