/**
 * A fast first pass over YAML for the common case (a valid library): js-yaml (about ten times
 * faster than `yaml`'s Document API) reads the data, and the `yaml` Document, which knows every
 * field's line, is built only when a finding needs a line. Any text where the two parsers could
 * disagree is left to `yaml` alone, so results are the same as with `yaml`:
 * - js-yaml fails (syntax errors, duplicate keys, unknown tags): `yaml` reports the error;
 * - the data holds a number, or a string that looks like one, a boolean or null (the two
 *   disagree on forms like 0b11, +.5, -0x1 and -0);
 * - a quote is left open at the end of a line (`yaml` rejects some multi-line flow scalars
 *   that js-yaml accepts), or a complex key (`? `) is used.
 */
import jsyaml from 'js-yaml'

/** The data of `text` as `yaml`'s 1.2 core schema would read it, or undefined to use `yaml`. */
export function fastYamlData(text: string): { data: unknown } | undefined {
  if (!balancedQuotes(text)) return undefined
  let data: unknown
  try {
    data = jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA })
  } catch {
    return undefined
  }
  if (data === undefined || hasNumber(data)) return undefined
  // A copy with strings of their own: js-yaml's are slices that keep the whole file in memory
  // (18 KB per story instead of about 2 KB in a loaded library).
  return { data: JSON.parse(JSON.stringify(data)) as unknown }
}

/**
 * Strings that a YAML 1.2 core schema could read as a number, boolean or null when unquoted:
 * js-yaml and yaml disagree on some of them (`+.5` is a string to one and 0.5 to the other).
 */
const SCALAR_LIKE =
  /^(?:[-+]?(?:\.[0-9]+|[0-9][0-9_]*(?:\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?0[oxb][0-9a-fA-F_]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|true|True|TRUE|false|False|FALSE|null|Null|NULL|~)$/

/** True when the data holds a number, or a string that may be one to the other parser. */
function hasNumber(value: unknown): boolean {
  if (typeof value === 'number' || typeof value === 'bigint') return true
  if (typeof value === 'string') return SCALAR_LIKE.test(value)
  if (Array.isArray(value)) return value.some(hasNumber)
  if (value && typeof value === 'object') {
    return Object.entries(value).some(([key, item]) => SCALAR_LIKE.test(key) || hasNumber(item))
  }
  return false
}

/**
 * True when every line closes the quotes it opens (outside comments), and no line starts a
 * complex key. Conservative: an apostrophe in a plain scalar also sends the text to `yaml`.
 */
function balancedQuotes(text: string): boolean {
  for (const line of text.split('\n')) {
    if (/^\s*\?(?:\s|$)/.test(line)) return false
    let quote = ''
    for (let i = 0; i < line.length; i++) {
      const char = line[i]
      if (quote === '"') {
        if (char === '\\') i++
        else if (char === '"') quote = ''
      } else if (quote === "'") {
        if (char === "'") {
          if (line[i + 1] === "'") i++
          else quote = ''
        }
      } else if (char === '"' || char === "'") {
        quote = char
      } else if (char === '#' && (i === 0 || /\s/.test(line[i - 1] ?? ''))) {
        break
      }
    }
    if (quote) return false
  }
  return true
}
