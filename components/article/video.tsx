import { ResponsiveImage } from '@/components/ui/responsive-image'
import { embedUrl, watchUrl, type VideoTarget } from '@/lib/formats'
import { VideoPlayer } from './video-player'

interface Props {
  video: VideoTarget & { title: string }
  poster: { src: string; width: number; height: number }
  /** ISO 8601, e.g. PT2M31S. */
  duration?: string
}

/**
 * A trailer as a poster from the library with a play button: nothing is asked of the video host
 * until the reader presses play. Without JavaScript the poster is a link to the video's page.
 */
export function Video({ video, poster, duration }: Props) {
  const length = duration ? readableDuration(duration) : ''
  return (
    <figure className="not-prose my-8">
      <VideoPlayer
        title={video.title}
        watchUrl={watchUrl(video)}
        embedUrl={embedUrl(video, true)}
        label={`Play video: ${video.title}${length ? ` (${length})` : ''}`}
      >
        <ResponsiveImage
          image={{ ...poster, alt: '' }}
          sizes="(min-width: 800px) 768px, 100vw"
          className="absolute inset-0 h-full w-full object-cover"
        />
      </VideoPlayer>
      <figcaption className="mt-2 text-sm text-muted">
        {video.title}
        {length && <span className="ml-1">· {length}</span>}
      </figcaption>
    </figure>
  )
}

/** PT2M31S → 2:31. */
function readableDuration(duration: string): string {
  const [, h = '0', m = '0', s = '0'] = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$/.exec(duration) ?? []
  const pad = (n: string) => n.padStart(2, '0')
  return Number(h) ? `${h}:${pad(m)}:${pad(s)}` : `${Number(m)}:${pad(s)}`
}
