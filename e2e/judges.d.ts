// The outside judges ship without TypeScript types; these are the parts the tests use.
declare module 'vnu-jar' {
  /** Absolute path of vnu.jar. */
  const jar: string
  export default jar
}

declare module 'structured-data-testing-tool' {
  export function structuredDataTest(input: string, options: object): Promise<unknown>
}

declare module 'structured-data-testing-tool/presets' {
  export const Google: object
  export const Twitter: object
  export const Facebook: object
}

// The MDN HTTP Observatory's internals that e2e/support/observatory.ts calls (version 1.4.8).
declare module '@mdn/mdn-http-observatory/src/retriever/retriever.js' {
  export interface ObservatoryRequests {
    responses: { auto: { status: number } | null }
  }
  export function retrieve(
    hostname: string,
    options?: { httpPort?: number; httpsPort?: number; path?: string },
  ): Promise<ObservatoryRequests>
}

declare module '@mdn/mdn-http-observatory/src/constants.js' {
  import type { ObservatoryRequests } from '@mdn/mdn-http-observatory/src/retriever/retriever.js'
  /** Each test of a scan; its output is an instance of one of ALL_RESULTS. */
  export const ALL_TESTS: ReadonlyArray<(requests: ObservatoryRequests) => unknown>
  /** The output classes; each one's static `name` is its test's name. */
  export const ALL_RESULTS: ReadonlyArray<abstract new (...args: never[]) => unknown>
}

declare module '@mdn/mdn-http-observatory/src/grader/grader.js' {
  export function getGradeForScore(score: number): { grade: string; score: number }
  export function getScoreModifier(result: string): number
}

declare module '@mdn/mdn-http-observatory/src/grader/charts.js' {
  export const MINIMUM_SCORE_FOR_EXTRA_CREDIT: number
}
