/**
 * Where two values differ, as paths like `articles.3.body.children.0.value`: for comparing what
 * the fast path and the plain path load, field by field, with a diff that names each field.
 * Maps compare by key, objects by their own enumerable keys (getters are read), the rest with
 * Object.is. A pair of objects already compared is not walked again; keys in `skip` are not read.
 */
export function differences(
  a: unknown,
  b: unknown,
  { skip = [], limit = 20 }: { skip?: string[]; limit?: number } = {},
): string[] {
  const found: string[] = []
  const compared = new WeakMap<object, WeakSet<object>>()
  const walk = (x: unknown, y: unknown, at: string) => {
    if (found.length >= limit || Object.is(x, y)) return
    if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) {
      found.push(`${at || '(root)'}: ${show(x)} ≠ ${show(y)}`)
      return
    }
    const pairs = compared.get(x) ?? new WeakSet<object>()
    if (pairs.has(y)) return
    pairs.add(y)
    compared.set(x, pairs)
    if (x instanceof Map || y instanceof Map) {
      if (!(x instanceof Map && y instanceof Map)) {
        found.push(`${at}: a Map and something else`)
        return
      }
      for (const key of new Set([...x.keys(), ...y.keys()])) {
        walk(x.get(key), y.get(key), `${at}[${String(key)}]`)
      }
      return
    }
    if (Array.isArray(x) !== Array.isArray(y)) {
      found.push(`${at}: an array and something else`)
      return
    }
    const keys = new Set([...Object.keys(x), ...Object.keys(y)])
    for (const key of keys) {
      if (skip.includes(key)) continue
      const path = at ? `${at}.${key}` : key
      walk((x as Record<string, unknown>)[key], (y as Record<string, unknown>)[key], path)
    }
  }
  walk(a, b, '')
  return found
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value)
  return text.length > 80 ? `${text.slice(0, 77)}...` : text
}
