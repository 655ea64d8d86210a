import path from 'node:path'
import { parseMarkdownFile } from './parse'
import { readContentFile } from './speed'
import type { Article, Library } from './types'

/**
 * The words of a story's body as a reader sees them, for the search index and its snippets:
 * Markdown read from the file and stripped of markup without building the rendered tree (at
 * 10,000 stories the index must not parse every body through the full pipeline). Image alt
 * text and link URLs are left out; link text stays.
 */
export async function bodyText(library: Library, article: Article): Promise<string> {
  const text = await readContentFile(
    /*turbopackIgnore: true*/ path.join(library.root, article.file),
  ).catch(() => '')
  return stripMarkdown(parseMarkdownFile(text, article.file).body)
}

export function stripMarkdown(markdown: string): string {
  return markdown
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/^```[\s\S]*?^```/gm, ' ')
    .replace(/^\s*:{2,3}(?:\w+(\{[^}]*\})?)?\s*$/gm, ' ')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, ' ')
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+[.)])\s+/gm, '')
    .replace(/(\*\*|__|\*|_|~~|`)(?=\S)([^\n]*?\S)\1/g, '$2')
    .replace(/&[a-z]+;|&#\d+;/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}
