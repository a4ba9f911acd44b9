// @ts-check
/** Runs before first paint so a reader's chosen theme never flashes. */
export const THEME_SCRIPT = `try{var t=localStorage.getItem('theme');if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch(e){}`
