/** One trail per page, shared by the visible breadcrumb and the JSON-LD BreadcrumbList. */
export type Crumb = { name: string; href: string }

export function trail(...crumbs: Crumb[]): Crumb[] {
  return [{ name: 'Home', href: '/' }, ...crumbs]
}
