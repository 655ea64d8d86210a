'use client'

import { useSyncExternalStore } from 'react'

type Theme = 'light' | 'dark'

const systemQuery = () => window.matchMedia('(prefers-color-scheme: dark)')

function currentTheme(): Theme {
  const chosen = document.documentElement.dataset.theme
  if (chosen === 'light' || chosen === 'dark') return chosen
  return systemQuery().matches ? 'dark' : 'light'
}

function subscribe(onChange: () => void) {
  const query = systemQuery()
  const observer = new MutationObserver(onChange)
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] })
  query.addEventListener('change', onChange)
  return () => {
    observer.disconnect()
    query.removeEventListener('change', onChange)
  }
}

/** Switches between light and dark; choosing what the system prefers goes back to following it. */
export function ThemeToggle() {
  const theme = useSyncExternalStore<Theme | undefined>(subscribe, currentTheme, () => undefined)
  const dark = theme === 'dark'

  function toggle() {
    const next: Theme = currentTheme() === 'dark' ? 'light' : 'dark'
    const followsSystem = (systemQuery().matches ? 'dark' : 'light') === next
    try {
      if (followsSystem) localStorage.removeItem('theme')
      else localStorage.setItem('theme', next)
    } catch {
      // Storage can be blocked; the choice then lasts for this page only.
    }
    if (followsSystem) delete document.documentElement.dataset.theme
    else document.documentElement.dataset.theme = next
  }

  return (
    <button
      type="button"
      onClick={toggle}
      aria-pressed={theme === undefined ? undefined : dark}
      className="js-only inline-flex min-h-11 items-center gap-2 rounded-full border border-line px-3 text-sm hover:border-accent"
    >
      <span aria-hidden="true">{dark ? '☾' : '☀'}</span>
      <span>Dark mode</span>
    </button>
  )
}
