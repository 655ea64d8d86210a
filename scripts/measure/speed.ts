/**
 * Times (CPU, median of three) each parsing piece of the content speed layer (lib/content/speed/) against the plain
 * path's on every story of a library, in this process, one piece at a time:
 *
 *   npx tsx scripts/measure/speed.ts /work/synth/10k
 *
 * read: speed/read.ts's synchronous turns against fs/promises, all files asked for at once;
 * split: speed/frontmatter.ts against gray-matter; yaml: speed/fast-yaml.ts (through parseYaml)
 * against yaml's Document; body: speed/body-scan.ts (remark where it declines) against remark.
 */
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import matter from 'gray-matter'
import { parseBody } from '../../lib/content/markdown'
import { parseMarkdownFile, parseYaml } from '../../lib/content/parse'
import { scanBody } from '../../lib/content/speed/body-scan'
import { splitFrontmatter } from '../../lib/content/speed/frontmatter'
import { readContentFile } from '../../lib/content/speed/read'

/**
 * CPU milliseconds of `run` (user and system, this process): other work on the machine slows
 * the clock, not this. The median of three runs; the result is from the last.
 */
async function time<T>(run: () => Promise<T> | T): Promise<[number, T]> {
  const spent: number[] = []
  let result: T | undefined
  for (let round = 0; round < 3; round++) {
    const cpu = process.cpuUsage()
    result = await run()
    const used = process.cpuUsage(cpu)
    spent.push((used.user + used.system) / 1000)
  }
  return [Math.round(spent.sort((a, b) => a - b)[1] ?? 0), result as T]
}

async function main() {
  const root = path.resolve(process.argv[2] ?? 'content')
  const dir = path.join(root, 'articles')
  const files = (await readdir(dir))
    .filter((name) => name.endsWith('.md'))
    .map((name) => path.join(dir, name))
  const [readPlain] = await time(() => Promise.all(files.map((file) => readFile(file, 'utf8'))))
  const [readFast, texts] = await time(() => Promise.all(files.map(readContentFile)))
  const [splitPlain] = await time(() =>
    texts.map((text) => matter(text, { engines: { yaml: () => ({}) } })),
  )
  const [splitFast, splits] = await time(() => texts.map((text) => splitFrontmatter(text)))
  const yamls = splits.map((split) => split?.yaml ?? '')
  const [yamlPlain] = await time(() =>
    yamls.map((yaml, i) => parseYaml(yaml, files[i]!, 1, { fast: false })),
  )
  const [yamlFast] = await time(() => yamls.map((yaml, i) => parseYaml(yaml, files[i]!)))
  const bodies = texts.map((text, i) => parseMarkdownFile(text, files[i]!).body)
  const [bodyPlain] = await time(() => bodies.map((body) => parseBody(body).wordCount))
  const [bodyFast] = await time(() =>
    bodies.map((body) => {
      return (scanBody(body) ?? parseBody(body)).wordCount
    }),
  )
  const scanned = bodies.filter((body) => scanBody(body)).length
  console.log(
    JSON.stringify({
      stories: files.length,
      ms: {
        read: { plain: readPlain, fast: readFast },
        split: { plain: splitPlain, fast: splitFast },
        yaml: { plain: yamlPlain, fast: yamlFast },
        body: { plain: bodyPlain, fast: bodyFast, scanned },
      },
    }),
  )
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
