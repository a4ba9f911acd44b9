/** Every /keystatic/… address is drawn by the editor's app in the layout. */
export default function KeystaticPage() {
  return null
}
