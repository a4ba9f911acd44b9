import type { BasicFormField } from '@keystatic/core'
import { StillImageInput } from './still-image-input'
import { STILLS_PUBLIC_PATH } from './stills-path'

export { STILLS_PUBLIC_PATH }

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
    Input: (props) => <StillImageInput {...props} label={label} />,
    defaultValue: () => '',
    parse: (value) => (typeof value === 'string' ? value : ''),
    serialize: (value) => ({ value: value === '' ? undefined : value }),
    validate: check,
    reader: { parse: (value) => check(typeof value === 'string' ? value : '') },
  }
}
