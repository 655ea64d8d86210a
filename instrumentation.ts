/** Runs once when a server starts, before it handles requests. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  const { endWithBuffers } = await import('./lib/server/response-buffers')
  endWithBuffers()
}
