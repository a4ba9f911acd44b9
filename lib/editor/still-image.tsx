import { useState, type ChangeEvent } from 'react'
import type { BasicFormField } from '@keystatic/core'

/** Where stills live, flat: public/images/stills/<name>, shown to readers as /images/stills/<name>. */
export const STILLS_PUBLIC_PATH = '/images/stills/'
export const STILLS_UPLOAD_URL = '/api/keystatic/stills'

/**
 * A still's picture. Keystatic's own image field files uploads under a folder per entry
 * (/images/stills/<review>/<name>) and cannot read the flat paths the content uses, so this
 * field keeps the path as text and uploads the file itself to /api/keystatic/stills, which
 * writes public/images/stills/<name> (local storage, i.e. `npm run dev`).
 */
export function stillImage({
  label,
  validation,
}: {
  label: string
  validation?: { isRequired?: boolean }
}): BasicFormField<string, string, string> {
  const check = (value: string) => {
    if (validation?.isRequired && !value.trim()) throw new Error(`${label} is required`)
    return value
  }
  return {
    kind: 'form',
    label,
    Input: function StillImageInput({ value, onChange }) {
      const [status, setStatus] = useState('')
      async function upload(event: ChangeEvent<HTMLInputElement>) {
        const file = event.target.files?.[0]
        if (!file) return
        setStatus('Uploading…')
        const body = new FormData()
        body.set('file', file)
        const response = await fetch(STILLS_UPLOAD_URL, { method: 'POST', body })
        const answer = (await response.json().catch(() => ({}))) as { src?: string; error?: string }
        if (response.ok && answer.src) {
          onChange(answer.src)
          setStatus(`Uploaded as ${answer.src}`)
        } else setStatus(answer.error ?? `Upload failed (${response.status})`)
      }
      return (
        <div style={{ display: 'grid', gap: 8 }}>
          <label style={{ display: 'grid', gap: 4 }}>
            <span>{label} (path under public/)</span>
            <input
              type="text"
              value={value}
              placeholder={`${STILLS_PUBLIC_PATH}film-2025-2.jpg`}
              onChange={(e) => onChange(e.target.value)}
            />
          </label>
          <label style={{ display: 'grid', gap: 4 }}>
            <span>Upload a picture</span>
            <input type="file" accept="image/jpeg,image/png,image/webp" onChange={upload} />
          </label>
          {value ? (
            // eslint-disable-next-line @next/next/no-img-element
            <img
              src={value}
              alt=""
              style={{ maxWidth: 240, maxHeight: 160, objectFit: 'contain' }}
            />
          ) : null}
          <output aria-live="polite">{status}</output>
        </div>
      )
    },
    defaultValue: () => '',
    parse: (value) => (typeof value === 'string' ? value : ''),
    serialize: (value) => ({ value: value === '' ? undefined : value }),
    validate: check,
    reader: { parse: (value) => check(typeof value === 'string' ? value : '') },
  }
}
