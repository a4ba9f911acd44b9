'use client'
import { useState, type ChangeEvent } from 'react'
import type { FormFieldInputProps } from '@keystatic/core'
import { STILLS_PUBLIC_PATH, STILLS_UPLOAD_URL } from './stills-path'

/** The still field in the editor: the picture's path, an upload button and a thumbnail. */
export function StillImageInput({
  value,
  onChange,
  label,
}: FormFieldInputProps<string> & { label: string }) {
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
        <img src={value} alt="" style={{ maxWidth: 240, maxHeight: 160, objectFit: 'contain' }} />
      ) : null}
      <output aria-live="polite">{status}</output>
    </div>
  )
}
