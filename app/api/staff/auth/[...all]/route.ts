import { env } from '@/lib/env'
import { answerStaffAuth } from '@/lib/staff/auth-route'
import { services } from '@/lib/services'

export const dynamic = 'force-dynamic'

/** Better Auth's one exposed endpoint, the emailed link's verification (lib/staff/auth-route.ts). */
const answer = (request: Request) =>
  answerStaffAuth(services().staffAuth(), request, env.TRUSTED_PROXIES)

export const GET = answer
export const POST = answer
