import { z } from 'zod'

/**
 * The renderer validates with the contract's zod schemas. zod compiles object checks with
 * `new Function` when it may; our Content-Security-Policy forbids eval, and even zod's caught probe
 * would be reported as a violation, so it never tries. Imported first by main.ts.
 */
z.config({ jitless: true })
