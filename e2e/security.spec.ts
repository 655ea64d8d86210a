import { createHash } from 'node:crypto'
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http'
import { expect, test } from './support/test'
import { NO_SCRIPT_POLICY, SECURITY_HEADERS } from '../lib/server/security-headers'
import {
  BAD_ADDRESS,
  findTags,
  MISSING_PAGE,
  MODEL_GALLERY,
  MODEL_STORY as story,
  onlyInProject,
  UNROUTED_PAGE,
} from './support/site'

onlyInProject('desktop', 'headers come from the server: the same in every project')

interface Answer {
  status: number
  headers: IncomingHttpHeaders
  /** Header lines as sent, to count repeats (Node joins them in `headers`). */
  raw: string[]
  body: string
}

function get(baseURL: string, path: string, headers: Record<string, string> = {}) {
  const { hostname, port } = new URL(baseURL)
  return new Promise<Answer>((resolve, reject) => {
    const req = httpRequest({ hostname, port, path, headers }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, raw: res.rawHeaders, body }),
      )
    })
    req.on('error', reject)
    req.end()
  })
}

function sent(answer: Answer, name: string): string[] {
  const values: string[] = []
  for (let i = 0; i < answer.raw.length; i += 2) {
    if (answer.raw[i]!.toLowerCase() === name.toLowerCase()) values.push(answer.raw[i + 1]!)
  }
  return values
}

function scriptSrc(policy: string): string {
  return policy.split('; ').find((directive) => directive.startsWith('script-src ')) ?? ''
}

const hashOf = (text: string) =>
  `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`

test('every kind of response carries each security header once', async ({ baseURL, request }) => {
  const html = await (await request.get(story.url)).text()
  const chunk = findTags(html, 'script').find((script) => script.src?.startsWith('/_next/static'))
  const image = findTags(html, 'img').find((img) => img.src?.startsWith('/_next/image'))
  expect(chunk?.src).toBeTruthy()
  expect(image?.src).toBeTruthy()
  const heroFile = new URL(image!.src!, baseURL).searchParams.get('url')!
  const addresses: [string, number][] = [
    ['/', 200],
    [story.url, 200],
    [`${MODEL_GALLERY}/3`, 200],
    ['/tv', 200],
    ['/search?q=cage', 200],
    [MISSING_PAGE, 404],
    [UNROUTED_PAGE, 404],
    ['/tv/luke-cage-season-3-casting-report', 410],
    [BAD_ADDRESS, 400],
    ['/api/search?q=cage', 200],
    ['/api/search?q=', 400],
    [`/api/stories/${story.url.split('/').pop()}`, 200],
    [heroFile, 200],
    [image!.src!, 200],
    [chunk!.src!, 200],
    ['/feed.xml', 200],
    ['/tv/feed.xml', 200],
    ['/sitemap.xml', 200],
    ['/news-sitemap.xml', 200],
    ['/robots.txt', 200],
  ]
  for (const [path, status] of addresses) {
    const answer = await get(baseURL!, path)
    expect(answer.status, path).toBe(status)
    for (const { key, value } of SECURITY_HEADERS) {
      expect(sent(answer, key), `${path}: ${key}`).toEqual([value])
    }
    const policies = sent(answer, 'content-security-policy')
    expect(policies, path).toHaveLength(1)
    const type = String(answer.headers['content-type'])
    // next/image sends its own stricter policy (`images.contentSecurityPolicy`, with `sandbox`).
    if (path.startsWith('/_next/image')) expect(policies[0]).toMatch(/script-src 'none'.*sandbox/)
    else if (!type.startsWith('text/html')) expect(policies[0], path).toBe(NO_SCRIPT_POLICY)
    expect(scriptSrc(policies[0]!), path).not.toMatch(/unsafe-inline|unsafe-eval|\*/)
  }
})

test("a cached page's policy lists the hash of every inline script the browser runs, and no more", async ({
  page,
}) => {
  const response = await page.goto(story.url)
  const policy = response!.headers()['content-security-policy'] ?? ''
  const scripts = await page.evaluate(() =>
    [...document.scripts]
      .filter((script) => !script.src && ['', 'module', 'text/javascript'].includes(script.type))
      .map((script) => script.textContent ?? ''),
  )
  // The theme script, Turbopack's bootstrap and the RSC payload, whose chunks are joined into one
  // script (lib/server/next-workarounds/flight-scripts.ts).
  expect(scripts).toHaveLength(3)
  expect(scripts.filter((text) => text.includes('self.__next_f'))).toHaveLength(1)
  const hashes = scriptSrc(policy).match(/'sha256-[^']+'/g) ?? []
  expect(new Set(hashes)).toEqual(new Set(scripts.map(hashOf)))
  expect(policy).toContain("object-src 'none'")
  expect(policy).toContain("base-uri 'none'")
  expect(policy).toContain("form-action 'self'")
  expect(policy).toContain("frame-ancestors 'none'")
})

test('a page rendered per request (search) gets a fresh nonce on its scripts', async ({
  baseURL,
}) => {
  const [first, second] = [await get(baseURL!, '/search?q=cage'), await get(baseURL!, '/search')]
  const nonces = [first, second].map(
    (answer) => /'nonce-([^']+)'/.exec(String(answer.headers['content-security-policy']))?.[1],
  )
  expect(nonces[0]).toBeTruthy()
  expect(nonces[0]).not.toBe(nonces[1])
  const scripts = findTags(first.body, 'script')
  for (const script of scripts) {
    if (script.type === 'application/ld+json') continue
    // Next puts the nonce on its own; the theme script is allowed by its hash.
    if (script.nonce === undefined) {
      expect(String(first.headers['content-security-policy'])).toMatch(/'sha256-/)
      continue
    }
    expect(script.nonce).toBe(nonces[0])
  }
})

test('a Host the site does not serve changes no link, redirect or cached page', async ({
  baseURL,
}) => {
  const evil = { Host: 'evil.example', 'X-Forwarded-Host': 'evil.example' }
  const oldSlug = '/tv/luke-cage-harlem-set-photos'
  for (const path of [story.url, oldSlug, '/tv/', MISSING_PAGE, '/feed.xml', '/sitemap.xml']) {
    const answer = await get(baseURL!, path, evil)
    expect(answer.body, path).not.toContain('evil.example')
    expect(String(answer.headers.location ?? ''), path).not.toContain('evil.example')
  }
  const redirect = await get(baseURL!, oldSlug, evil)
  expect(redirect.status).toBe(308)
  expect(redirect.headers.location).toBe(story.url)
  // What the made-up Host was answered did not become what the next reader gets.
  const plain = await get(baseURL!, story.url)
  expect(plain.body).not.toContain('evil.example')
})
