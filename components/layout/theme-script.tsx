import { THEME_SCRIPT } from '@/lib/theme.mjs'

export function ThemeScript() {
  return <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
}
