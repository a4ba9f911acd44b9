/**
 * Runs before first paint so a reader's chosen theme never flashes. Kept as a constant
 * string so its hash can be allowed by the Content-Security-Policy.
 */
export const THEME_SCRIPT = `try{var t=localStorage.getItem('theme');if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch(e){}`

export function ThemeScript() {
  return <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
}
