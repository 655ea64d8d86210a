/**
 * Small readers of parsed bodies, with no dependency: shared by the loader (lib/content/markdown.ts)
 * and the views that render a format (lib/formats.ts), in the browser too.
 */
import type { Element, Root } from 'hast'

/** A ranked entry's heading: its number, then `.` or `)`, then its title. */
export const RANK = /^(\d{1,4})[.)](?:\s+|$)/

/** The plain text of a node, as a reader sees it. */
export function textOf(node: Root | Root['children'][number]): string {
  if (node.type === 'text') return node.value
  return 'children' in node ? node.children.map(textOf).join('') : ''
}

/** An `h1` or `h2` at the top level of a body: it ends a ranked entry. */
export function isSectionHeading(node: Root['children'][number]): node is Element {
  return node.type === 'element' && (node.tagName === 'h1' || node.tagName === 'h2')
}
