import { useMDXComponent } from 'next-contentlayer2/hooks'
import type { ComponentProps } from 'react'
import { Figure } from '@/components/figure'
import { Aside } from '@/components/mdx/aside'
import { PullQuote } from '@/components/mdx/pull-quote'

type StillProps = { src: string; alt: string; caption?: string }

function Still(props: StillProps) {
  return <Figure {...props} />
}

/** The components editors use by name in MDX. */
const components = { PullQuote, Still, Aside }

export function MdxContent({ code, ...props }: { code: string } & Omit<ComponentProps<'div'>, 'children'>) {
  const Content = useMDXComponent(code)
  return (
    <div {...props}>
      <Content components={components} />
    </div>
  )
}
