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
