import type { RedacBridge } from '../shared/ipc/bridge';
import type {
  ChannelInput,
  ChannelName,
  ChannelOutput,
  EventName,
  EventPayload,
} from '../shared/ipc/contract';
import type { IpcErrorBody, Result } from '../shared/ipc/result';
import { createHttpBridge } from './transport/httpBridge';

/** The renderer's one way to main. It does not know, or care, which transport carries the call. */
const bridge: RedacBridge = window.redac ?? createHttpBridge();

export class IpcError extends Error {
  readonly code: IpcErrorBody['code'];
  readonly issues: IpcErrorBody['issues'];
  constructor(body: IpcErrorBody) {
    super(body.message);
    this.name = 'IpcError';
    this.code = body.code;
    this.issues = body.issues;
  }
}

/** Calls a channel and returns its value, or throws an IpcError with the typed code. */
export async function call<C extends ChannelName>(
  channel: C,
  input: ChannelInput<C>,
): Promise<ChannelOutput<C>> {
  const fn = bridge.invoke[channel] as (input: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>>;
  const result = await fn(input);
  if (result.ok) return result.value;
  throw new IpcError(result.error);
}

export function subscribe<E extends EventName>(
  event: E,
  listener: (payload: EventPayload<E>) => void,
): () => void {
  return bridge.on(event, listener);
}

export const transport = bridge.transport;
