/**
 * What a page makes a modern browser download, measured against any running server (Marquee or a
 * bare Next.js app alike): its HTML, and every <script src> in that HTML except `noModule` ones
 * (legacy polyfills that modern browsers skip), fetched and gzipped (level 9).
 */
import { gzipSync } from 'node:zlib'

export interface ScriptWeight {
  url: string
  gzipBytes: number
}

export interface JsWeight {
  scripts: ScriptWeight[]
  /** Sum of the scripts' gzip sizes in bytes. */
  gzipBytes: number
}

async function fetchOk(url: string): Promise<Response> {
  const response = await fetch(url)
  if (!response.ok) throw new Error(`${url} answered ${response.status}`)
  return response
}

/** The absolute URLs of the scripts a modern browser loads from this HTML, each once. */
export function scriptUrls(html: string, pageUrl: string): string[] {
  const sources = [...html.matchAll(/<script\b[^>]*>/g)]
    .map((match) => match[0])
    .filter((tag) => !/\snomodule\b/i.test(tag))
    .map((tag) => /\ssrc="([^"]+)"/.exec(tag)?.[1])
    .filter((src) => src !== undefined)
  return [...new Set(sources)].map((src) => new URL(src, pageUrl).href)
}

export async function gzipBytes(url: string): Promise<number> {
  const response = await fetchOk(url)
  return gzipSync(Buffer.from(await response.arrayBuffer()), { level: 9 }).length
}

/** JS weight of a page whose HTML is already at hand (fetched from pageUrl). */
export async function jsWeightOf(html: string, pageUrl: string): Promise<JsWeight> {
  const urls = scriptUrls(html, pageUrl)
  const sizes = await Promise.all(urls.map(gzipBytes))
  const scripts = urls.map((url, index) => ({ url, gzipBytes: sizes[index] ?? 0 }))
  return { scripts, gzipBytes: sizes.reduce((sum, size) => sum + size, 0) }
}

/** Fetches the page and counts its JS. */
export async function jsWeight(pageUrl: string): Promise<JsWeight> {
  const html = await (await fetchOk(pageUrl)).text()
  return jsWeightOf(html, pageUrl)
}
