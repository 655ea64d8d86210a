import { readFile } from 'node:fs/promises'
import path from 'node:path'

// Social images are drawn at build time without network: the font ships in an npm package.
const FONT_DIR = path.join(process.cwd(), 'node_modules/@fontsource/source-serif-4/files')

let fonts: Promise<{ name: string; data: Buffer; weight: 400 | 700; style: 'normal' }[]> | undefined

export function socialCardFonts() {
  fonts ??= Promise.all(
    ([400, 700] as const).map(async (weight) => ({
      name: 'Source Serif 4',
      data: await readFile(path.join(FONT_DIR, `source-serif-4-latin-${weight}-normal.woff`)),
      weight,
      style: 'normal' as const,
    })),
  )
  return fonts
}
