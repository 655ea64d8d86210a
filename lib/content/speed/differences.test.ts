import { describe, expect, it } from 'vitest'
import { differences } from './differences'

describe('differences', () => {
  it('names each field that differs, through maps, arrays and getters', () => {
    const a = {
      list: [1, { x: 'a' }],
      byKey: new Map([['k', { n: 1 }]]),
      get lazy() {
        return 'a'
      },
    }
    const b = {
      list: [1, { x: 'b' }],
      byKey: new Map([['k', { n: 2 }]]),
      get lazy() {
        return 'b'
      },
    }
    expect(differences(a, b)).toEqual([
      'list.1.x: "a" ≠ "b"',
      'byKey[k].n: 1 ≠ 2',
      'lazy: "a" ≠ "b"',
    ])
  })

  it('finds none between equal values, and skips the keys it is told to', () => {
    expect(differences({ a: [1, new Map([[1, 'x']])] }, { a: [1, new Map([[1, 'x']])] })).toEqual(
      [],
    )
    expect(differences({ a: 1, body: 2 }, { a: 1, body: 3 }, { skip: ['body'] })).toEqual([])
  })

  it('reports a missing key and a different shape', () => {
    expect(differences({ a: 1 }, { a: 1, b: 2 })).toEqual(['b: undefined ≠ 2'])
    expect(differences({ a: [1] }, { a: { 0: 1 } })).toEqual(['a: an array and something else'])
  })
})
