import { getMDXComponent } from 'next-contentlayer2/hooks'
import { createElement, type ComponentProps } from 'react'
import { Figure } from '@/components/media/figure'
import { Aside } from '@/components/mdx/aside'
import { PullQuote } from '@/components/mdx/pull-quote'

type StillProps = { src: string; alt: string; caption?: string }

function Still(props: StillProps) {
  return <Figure {...props} />
}

/** The components editors use by name in MDX. */
const components = { PullQuote, Still, Aside }

// Evaluated once per document on the server; no MDX runtime ships to the browser.
const compiled = new Map<string, ReturnType<typeof getMDXComponent>>()
function mdxComponent(code: string) {
  let Component = compiled.get(code)
  if (!Component) {
    Component = getMDXComponent(code)
    compiled.set(code, Component)
  }
  return Component
}

type Props = { code: string } & Omit<ComponentProps<'div'>, 'children'>

export function MdxContent({ code, ...props }: Props) {
  // The component is cached per document above, so it is stable across renders.
  return <div {...props}>{createElement(mdxComponent(code), { components })}</div>
}
