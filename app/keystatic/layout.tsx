import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { editorEnabled } from '@/lib/editor/storage'
import KeystaticApp from './keystatic'

export const dynamic = 'force-dynamic'

export const metadata: Metadata = {
  title: 'Editor',
  robots: { index: false, follow: false },
}

/**
 * The browser editor, inside the bare root layout (no site header or footer). Rendered per
 * request (never cached); a 404 when it has nowhere to write (see lib/editor/storage.ts).
 */
export default function KeystaticLayout() {
  if (!editorEnabled()) notFound()
  return <KeystaticApp />
}
