/**
 * The space a story about to be appended will take: a screen tall, shaped like a story. It is
 * reserved as soon as JavaScript runs, so the story renders into it and nothing on screen moves.
 */
export function StorySkeleton() {
  return (
    <div
      aria-hidden="true"
      className="mx-auto mt-10 min-h-screen max-w-3xl animate-pulse motion-reduce:animate-none"
    >
      <div className="h-4 w-24 rounded bg-surface" />
      <div className="mt-4 h-10 w-full rounded bg-surface" />
      <div className="mt-2 h-10 w-2/3 rounded bg-surface" />
      <div className="mt-6 aspect-video w-full rounded-md bg-surface" />
    </div>
  )
}
