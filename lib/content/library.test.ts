import { afterAll, afterEach, describe, expect, it, vi } from 'vitest'
import { ContentError, type ContentIssue } from './errors'
import { checkForChangesNow, getLibrary } from './library'
import { createTestLibrary, removeTestLibraries } from './test-library'

afterAll(removeTestLibraries)

const BASE_ARTICLES = ['luke-cage-set-photos', 'daredevil-first-look', 'doomsday-trailer']

describe('getLibrary', () => {
  afterEach(() => {
    vi.unstubAllEnvs()
    vi.restoreAllMocks()
  })

  it('serves the valid rest on a running server and logs the file that was left out', async () => {
    const content = await createTestLibrary()
    await content.writeArticle('story', { category: 'music' })
    vi.stubEnv('CONTENT_DIR', content.root)
    vi.stubEnv('NEXT_PHASE', '')
    const log = vi.spyOn(console, 'error').mockImplementation(() => {})
    const library = await getLibrary()
    expect(library.articles.map((article) => article.slug)).toEqual(BASE_ARTICLES)
    expect(log).toHaveBeenCalledOnce()
    expect(String(log.mock.calls[0]?.[0])).toContain('articles/story.md:')
  })

  it('keeps serving the last good version of a story whose file breaks, and picks up the fix', async () => {
    const content = await createTestLibrary()
    vi.stubEnv('CONTENT_DIR', content.root)
    vi.stubEnv('NEXT_PHASE', '')
    const log = vi.spyOn(console, 'error').mockImplementation(() => {})
    const before = await getLibrary()
    const file = 'articles/daredevil-first-look.md'
    await content.edit(file, 'title: "Daredevil Born Again: First Look"', 'title: ""')
    checkForChangesNow()
    const broken = await getLibrary()
    expect(broken).not.toBe(before)
    expect(broken.articleBySlug.get('daredevil-first-look')?.title).toBe(
      'Daredevil Born Again: First Look',
    )
    expect(String(log.mock.calls.at(-1)?.[0])).toMatch(
      /articles\/daredevil-first-look\.md:\d+: error: title: must not be empty/,
    )
    await content.edit(file, 'title: ""', 'title: Daredevil, Fixed')
    checkForChangesNow()
    expect((await getLibrary()).articleBySlug.get('daredevil-first-look')?.title).toBe(
      'Daredevil, Fixed',
    )
  })

  it('reloads at once for a story whose file was saved after the last check', async () => {
    const content = await createTestLibrary()
    vi.stubEnv('CONTENT_DIR', content.root)
    vi.stubEnv('NEXT_PHASE', '')
    const start = Date.now()
    const clock = vi.spyOn(Date, 'now').mockReturnValue(start)
    await getLibrary()
    await content.writeArticle('fresh', { title: 'Fresh' })
    // Within the check interval an unknown slug without a file costs no reload...
    clock.mockReturnValue(start + 500)
    expect((await getLibrary({ article: 'no-such-file' })).articleBySlug.has('fresh')).toBe(false)
    expect((await getLibrary()).articleBySlug.has('fresh')).toBe(false)
    // ...but a request for the new story finds its file and loads it.
    expect((await getLibrary({ article: 'fresh' })).articleBySlug.get('fresh')?.title).toBe('Fresh')
  })

  it('does not reload for a file that was there at the last look and failed to load', async () => {
    const content = await createTestLibrary()
    await content.writeArticle('broken', { category: 'music' })
    vi.stubEnv('CONTENT_DIR', content.root)
    vi.stubEnv('NEXT_PHASE', '')
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const start = Date.now() + 10_000
    vi.spyOn(Date, 'now').mockReturnValue(start)
    const first = await getLibrary()
    expect(await getLibrary({ article: 'broken' })).toBe(first)
  })

  it('fails during the build on any error, naming the file', async () => {
    const content = await createTestLibrary()
    await content.writeArticle('story', { category: 'music' })
    vi.stubEnv('CONTENT_DIR', content.root)
    vi.stubEnv('NEXT_PHASE', 'phase-production-build')
    const failure = await getLibrary().catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(ContentError)
    const issues: ContentIssue[] = (failure as ContentError).issues
    expect(issues.map((issue) => issue.file)).toEqual(['articles/story.md'])
    expect((failure as ContentError).code).toBe('CONTENT_INVALID')
    expect((failure as ContentError).message).toMatch(/articles\/story\.md:\d+: error: category:/)
  })
})
