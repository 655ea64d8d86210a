/**
 * The content loader's speed layer: what lets a library of 10,000 or 100,000 stories load in
 * seconds and a running server follow its edits. None of it changes what a load gives:
 * `CONTENT_FAST_PATH=off` (or `loadLibrary(root, { fastPath: false })`) runs the plain path,
 * gray-matter, `yaml` and remark only, no cache, and fast-path.test.ts loads the bundled library
 * and a 1,000-story synthetic one both ways and compares them field by field (differences.ts).
 *
 * All together, a cold load of 10,000 synthetic stories in a fresh process: 66.2 s of CPU and a
 * 610 MiB heap on the plain path, 3.6 s and 171 MiB on this one, 1.4 s and 131 MiB from the
 * cache. Piece by piece (CPU per 1,000 synthetic stories unless noted):
 *
 * - body.ts, for 10k: a body's tree is built when a page first renders it (the 256 last kept),
 *   not at load; with body-scan.ts below, remark's 4.5 s become 0.08 s.
 * - body-scan.ts, for 10k: a body's references and word count without remark, for the common
 *   Markdown subset (all 1,000 synthetic bodies); anything else goes to remark.
 * - fast-yaml.ts, for 10k: js-yaml reads valid YAML, `yaml`'s Document only when a finding needs
 *   a line: 196 → 37 ms.
 * - frontmatter.ts, for 100k: gray-matter's split without its Buffer copy and cache lookup of
 *   the whole file: 9 → 2 ms (a tenth of a 100k load, commit a548e66).
 * - read.ts, for 100k: synchronous reads and stats in 4 ms turns, one file open at a time
 *   (fs/promises ran out of file descriptors at 100k, commit 8036680): 40 → 15 ms.
 * - file-cache.ts with article-file.ts, for 10k and 100k restarts: what each story's file says
 *   on its own, kept on disk: 3.6 → 1.4 s of CPU at 10k; 4.0 → 1.6 s at 10k and 79 → 12.8 s at
 *   100k of wall time (README, "Measuring at scale").
 * - changes.ts, for 100k on a running server: folder times and a rolling share of file stats
 *   instead of a stat of every file every 5 s (after an idle minute the first request waited
 *   ~10 s at 100k, commit 494893b).
 *
 * Measured 2026-12-06 on the shared 2-core machine, libraries from `npm run content:synth --
 * --articles N --seed fast-path --until 2026-11-20T00:00:00Z`: loads with
 * `[CONTENT_FAST_PATH=off] [CONTENT_CACHE_DIR=dir] npx tsx scripts/measure/load.ts <library>`,
 * pieces with `npx tsx scripts/measure/speed.ts <library>` (medians of three).
 */
export { frontmatterOnDemand, readArticleFile, type ArticleFile } from './article-file'
export { indexedBody } from './body'
export { checkEveryFileNext, contentRevision, contentSignature } from './changes'
export { openFileCache, type FileCache } from './file-cache'
export { readContentFile, statContentFile } from './read'
