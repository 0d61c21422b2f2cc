/**
 * The one entry point through which a host (Electron IPC or the web host's bridge socket) hands a renderer request
 * to the core: the channel must be one of the contract's, the payload must pass its zod schema, and whatever the
 * handler does, the renderer gets a reply of the contract's shape, never a thrown error.
 */
import { invokeChannels, type InvokeChannel, type InvokeRequest, type InvokeResponse } from '../../shared/contract/kiosk';

export type InvokeHandlers = { [C in InvokeChannel]: (request: InvokeRequest<C>) => Promise<InvokeResponse<C>> };

export type DispatchOutcome =
  | { ok: true; response: unknown }
  | {
      ok: false;
      error: { code: 'UNKNOWN_CHANNEL' | 'BAD_REQUEST' | 'INTERNAL'; message: string };
      /** For a handler that threw: the error's name only, for the host's log (a message could quote the request). */
      failure?: string;
    };

export function isInvokeChannel(channel: string): channel is InvokeChannel {
  return Object.hasOwn(invokeChannels, channel);
}

export async function dispatchInvoke(handlers: InvokeHandlers, channel: string, payload: unknown): Promise<DispatchOutcome> {
  if (!isInvokeChannel(channel)) {
    return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: 'Unknown channel' } };
  }
  const schema = invokeChannels[channel];
  const parsed = schema.request.safeParse(payload ?? {});
  if (!parsed.success) {
    return { ok: false, error: { code: 'BAD_REQUEST', message: 'Request does not match the contract' } };
  }
  const handler = handlers[channel] as (request: unknown) => Promise<unknown>;
  let response: unknown;
  try {
    response = await handler(parsed.data);
  } catch (error) {
    const failure = error instanceof Error ? error.name : typeof error;
    return { ok: false, error: { code: 'INTERNAL', message: 'Internal error' }, failure };
  }
  // The reply is checked too: a handler bug must not send the renderer something it cannot read.
  const checked = schema.response.safeParse(response);
  if (!checked.success) {
    return { ok: false, error: { code: 'INTERNAL', message: 'Reply does not match the contract' } };
  }
  return { ok: true, response: checked.data };
}
