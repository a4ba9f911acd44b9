'use client'
import { makePage } from '@keystatic/next/ui/app'
import config from '../../keystatic.config'

/** The editor's single-page app (Keystatic's admin UI). */
export default makePage(config)
