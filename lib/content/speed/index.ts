/**
 * The content loader's speed layer: what lets a library of 10,000 and 100,000 stories load in
 * seconds and a running server follow its edits. None of it changes what a load gives:
 * `CONTENT_FAST_PATH=off` (or `loadLibrary(root, { fastPath: false })`) runs the plain path,
 * gray-matter, `yaml` and remark only, no cache, and fast-path.test.ts loads the bundled library
 * and a 1,000-story synthetic one both ways and compares them field by field.
 *
 * | piece | for | what it saves (measured) |
 * |---|---|---|
 * | body.ts: a body's tree is built when a page first renders it (256 kept) | 10k | a load keeps no trees: cold load at 10k FAST_10K, plain path PLAIN_10K; retained heap at 10k 186 → 71 MiB with fast-yaml's string copies (b43be37) |
 * | body-scan.ts: references and word count of the common Markdown subset without remark | 10k | what makes the lazy tree pay: CPU per 1,000 synthetic bodies 4.5 s → 0.08 s (all 1,000 in its subset) |
 * | fast-yaml.ts: js-yaml reads valid YAML; `yaml`'s Document only for a line | 10k | CPU per 1,000 front matters 196 → 37 ms |
 * | frontmatter.ts: gray-matter's split without its per-file Buffer copy and cache lookup | 100k | CPU per 1,000 files 9 → 2 ms; a tenth of a 100k load (a548e66) |
 * | read.ts: synchronous reads and stats in 4 ms turns | 100k | one file open at a time (fs/promises ran out of descriptors at 100k, 8036680); CPU per 1,000 files 40 → 15 ms |
 * | file-cache.ts + article-file.ts: what each article says on its own, kept on disk | 10k, 100k | cold load with the build's cache at 10k 4.0 → 1.6 s, at 100k 79 → 12.8 s (README, Measuring at scale) |
 * | changes.ts: folder times plus a rolling share of file stats | 100k | a stat of every file every 5 s; the first request after an idle minute waited ~10 s at 100k (494893b) |
 *
 * CPU figures: `npx tsx scripts/measure/speed.ts <library>` (medians of three, 2-core machine,
 * 2026-12-06, a 1,000-story `npm run content:synth` library); load times:
 * `[CONTENT_FAST_PATH=off] npx tsx scripts/measure/load.ts <library>`.
 * differences.ts is the field-by-field diff of that test.
 */
export { frontmatterOnDemand, readArticleFile, type ArticleFile } from './article-file'
export { indexedBody } from './body'
export { checkEveryFileNext, contentSignature } from './changes'
export { openFileCache, type FileCache } from './file-cache'
export { readContentFile, statContentFile } from './read'
