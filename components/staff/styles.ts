/** Class names the staff pages share (server and client components alike). */
export const primaryButton =
  'bg-accent text-accent-ink min-h-11 rounded-sm px-5 py-2 font-semibold hover:opacity-90 aria-disabled:cursor-progress aria-disabled:opacity-80'
export const secondaryButton =
  'border-ink min-h-11 rounded-sm border px-4 py-2 font-semibold hover:bg-rule/40'
export { inputClass as field } from '@/components/ui/form-fields'
export const table = 'w-full border-collapse font-sans text-sm'
export const headCell = 'py-2 pr-4 text-left align-bottom'
export const cell = 'py-3 pr-4 align-top'
