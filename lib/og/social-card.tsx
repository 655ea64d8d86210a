import { ImageResponse } from 'next/og'
import { renderImage } from '@/lib/content'
import { socialCardFonts } from './fonts'

export const SOCIAL_CARD_SIZE = { width: 1200, height: 630 }

interface Card {
  siteName: string
  kicker: string
  title: string
  /** A line under the title: byline and date, a photo count, a description. */
  detail?: string
  /** A content image for the top of the card (cropped to 1200×630), else the brand background. */
  image?: string
}

const ACCENT = '#d7263d'
const INK = '#121116'
const TEXT_WIDTH = SOCIAL_CARD_SIZE.width - 128

async function imageDataUri(src: string): Promise<string | undefined> {
  const jpeg = await renderImage(src, SOCIAL_CARD_SIZE, 'jpeg')
  return jpeg && `data:image/jpeg;base64,${jpeg.toString('base64')}`
}

/**
 * A 1200×630 card for OpenGraph and Twitter: the photo above, and a lower third with the
 * section, the headline and a detail line, so the text stays legible over any photo.
 */
export async function socialCard({ siteName, kicker, title, detail, image }: Card) {
  const background = image ? await imageDataUri(image) : undefined
  const headlineSize = title.length > 90 ? 44 : title.length > 60 ? 50 : 60
  return new ImageResponse(
    <div
      style={{
        width: '100%',
        height: '100%',
        display: 'flex',
        position: 'relative',
        backgroundColor: INK,
        backgroundImage: `linear-gradient(135deg, ${INK} 0%, #3a1020 100%)`,
        color: '#ffffff',
        fontFamily: 'Source Serif 4',
      }}
    >
      {background && (
        // eslint-disable-next-line @next/next/no-img-element -- satori draws plain <img>
        <img
          src={background}
          width={SOCIAL_CARD_SIZE.width}
          height={SOCIAL_CARD_SIZE.height}
          alt=""
          style={{ position: 'absolute', top: 0, left: 0 }}
        />
      )}
      <div
        style={{
          position: 'absolute',
          top: 40,
          left: 64,
          display: 'flex',
          padding: '6px 14px',
          backgroundColor: 'rgba(18,17,22,0.85)',
          fontSize: 40,
          fontWeight: 700,
          letterSpacing: 2,
        }}
      >
        <span style={{ color: ACCENT }}>{siteName.slice(0, 1).toUpperCase()}</span>
        <span>{siteName.slice(1).toUpperCase()}</span>
      </div>
      <div
        style={{
          position: 'absolute',
          left: 0,
          bottom: 0,
          width: SOCIAL_CARD_SIZE.width,
          height: background ? 360 : 470,
          display: 'flex',
          flexDirection: 'column',
          justifyContent: 'flex-end',
          padding: '0 64px 48px',
          backgroundColor: background ? INK : 'transparent',
          borderTop: background ? `6px solid ${ACCENT}` : 'none',
        }}
      >
        <div style={{ display: 'flex' }}>
          <span
            style={{
              backgroundColor: ACCENT,
              padding: '6px 16px',
              fontSize: 26,
              fontWeight: 700,
              textTransform: 'uppercase',
              letterSpacing: 1,
            }}
          >
            {kicker}
          </span>
        </div>
        <div
          style={{
            marginTop: 18,
            width: TEXT_WIDTH,
            fontSize: headlineSize,
            fontWeight: 700,
            lineHeight: 1.1,
          }}
        >
          {title}
        </div>
        {detail && (
          <div
            style={{
              marginTop: 16,
              width: TEXT_WIDTH,
              fontSize: 28,
              color: '#e6e3ea',
              lineHeight: 1.3,
            }}
          >
            {detail}
          </div>
        )}
      </div>
    </div>,
    { ...SOCIAL_CARD_SIZE, fonts: await socialCardFonts() },
  )
}
