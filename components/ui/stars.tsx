/** A five-point star in a 24 px box, and its left half (for half steps). */
const POINTS = Array.from({ length: 10 }, (_, k) => {
  const radius = k % 2 === 0 ? 12 : 5
  const angle = ((-90 + k * 36) * Math.PI) / 180
  return [12 + radius * Math.cos(angle), 12 + radius * Math.sin(angle)] as const
})
const toPath = (indices: number[]) =>
  `M${indices.map((k) => POINTS[k]!.map((n) => n.toFixed(2)).join(' ')).join('L')}Z`
const STAR = toPath([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
const HALF = toPath([0, 9, 8, 7, 6, 5])

interface Props {
  score: number
  outOf?: number
  /** Star size: `sm` on cards, `lg` in the verdict box. */
  size?: 'sm' | 'lg'
}

/** A score drawn as stars, with the score as text for screen readers ("3.5 out of 5"). */
export function Stars({ score, outOf = 5, size = 'sm' }: Props) {
  const box = size === 'lg' ? 'size-6' : 'size-4'
  return (
    <span className="inline-flex items-center gap-0.5 text-accent">
      {Array.from({ length: outOf }, (_, index) => {
        const fill = score - index
        return (
          <svg key={index} viewBox="0 0 24 24" aria-hidden="true" className={box}>
            <path d={STAR} className="fill-line" />
            {fill >= 1 && <path d={STAR} fill="currentColor" />}
            {fill === 0.5 && <path d={HALF} fill="currentColor" />}
          </svg>
        )
      })}
      <span className="sr-only">{`${score} out of ${outOf}`}</span>
    </span>
  )
}
