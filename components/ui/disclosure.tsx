import type { ReactNode } from 'react'

interface Props {
  /** The <summary> (or a client component that renders one), then the panel. */
  children: ReactNode
  className?: string
  /** Disclosures that share a name are exclusive: opening one closes the others (HTML). */
  name?: string
}

/**
 * A native <details>: it opens and closes without JavaScript (click, tap, Enter, Space). Its
 * keyboard and focus behaviour with JavaScript comes from the one <DisclosureBehavior> in the
 * root layout, so a page with many disclosures hydrates no component for any of them.
 */
export function Disclosure({ children, className, name }: Props) {
  return (
    <details data-disclosure="" name={name} className={className}>
      {children}
    </details>
  )
}
