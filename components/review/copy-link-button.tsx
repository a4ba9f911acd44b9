'use client'

import { useState, useSyncExternalStore } from 'react'

const noop = () => () => {}

/** Copies the link; rendered only once JavaScript runs, since it cannot work without it. */
export function CopyLinkButton({ url, className }: { url: string; className?: string }) {
  const hydrated = useSyncExternalStore(
    noop,
    () => true,
    () => false,
  )
  const [copied, setCopied] = useState(false)
  if (!hydrated) return null
  return (
    <>
      <button
        type="button"
        className={className}
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(url)
            setCopied(true)
          } catch {
            window.prompt('Copy this link', url)
          }
        }}
      >
        {copied ? 'Link copied' : 'Copy link'}
      </button>
      <span role="status" className="sr-only">
        {copied ? 'Link copied to the clipboard' : ''}
      </span>
    </>
  )
}
