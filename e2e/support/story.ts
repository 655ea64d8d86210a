/** A story's Markdown as an editor writes it, for tests that add one to a running server's library. */
export function storyMarkdown({
  title,
  dek,
  publishedAt,
  body,
}: {
  title: string
  dek: string
  publishedAt: Date
  body: string
}): string {
  return `---
title: ${JSON.stringify(title)}
dek: ${dek}
category: tv
authors: [dana-okafor]
publishedAt: '${publishedAt.toISOString()}'
hero:
  image: /images/articles/luke-cage-season-2-set-photos.webp
  alt: Luke Cage and Claire Temple on a Harlem street.
---
${body}
`
}
