import type { z } from 'zod'
import { isRequestName, requests } from './contract'
import type { RequestName, RequestResult, ValidatedArgs } from './contract'
import type { Reply } from './envelope'
import { toErrorPayload } from './errors'

/** Who is calling; handlers may use it to tailor results (e.g. app.info reports the transport). */
export interface CallContext {
  transport: 'ipc' | 'websocket'
}

export type Handler<N extends RequestName> = (
  args: ValidatedArgs<N>,
  context: CallContext,
) => Promise<RequestResult<N>> | RequestResult<N>

export type Handlers = { [N in RequestName]: Handler<N> }

export type Dispatcher = (name: unknown, args: unknown, context: CallContext) => Promise<Reply>

/**
 * The single door into the services, shared by both adapters: checks the request name,
 * validates the arguments with the contract's schema, runs the handler, and always
 * resolves with an envelope — a malformed call becomes a typed error, never a throw.
 */
export function createDispatcher(handlers: Handlers): Dispatcher {
  return async (name, args, context) => {
    if (!isRequestName(name)) {
      return fail('UNKNOWN_REQUEST', `Unknown request "${describe(name)}"`)
    }
    const schema = requests[name].args as z.ZodType
    const parsed = schema.safeParse(args === undefined ? {} : args)
    if (!parsed.success) return invalidArguments(name, parsed.error)
    try {
      const handler = handlers[name] as (a: unknown, c: CallContext) => unknown
      const result = await handler(parsed.data, context)
      return { ok: true, result }
    } catch (error) {
      return { ok: false, error: toErrorPayload(error) }
    }
  }
}

function invalidArguments(name: string, error: z.ZodError): Reply {
  const issue = error.issues[0]
  const field = issue ? issue.path.map(String).join('.') : ''
  const where = field === '' ? 'the arguments' : `"${field}"`
  const reason = issue ? issue.message : 'invalid value'
  return {
    ok: false,
    error: { code: 'INVALID_ARGUMENTS', message: `${name}: ${where}: ${reason}`, field },
  }
}

function fail(code: string, message: string): Reply {
  return { ok: false, error: { code, message } }
}

function describe(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value))
  return text.length > 80 ? `${text.slice(0, 77)}...` : text
}
