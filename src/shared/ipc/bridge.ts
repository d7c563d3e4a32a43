import type { ChannelInput, ChannelName, ChannelOutput, EventName, EventPayload } from './contract';
import type { Result } from './result';

export type Transport = 'electron' | 'host';

/** One function per channel, derived from the contract. */
export type ChannelFunctions = {
  [C in ChannelName]: (input: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>>;
};

/**
 * What the preload exposes as window.redac, and what the renderer's HTTP transport builds the same way:
 * the renderer cannot tell which one it talks to.
 */
export interface RedacBridge {
  readonly transport: Transport;
  readonly invoke: ChannelFunctions;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** Prefix of the Electron IPC channel names, so main can refuse anything not ours. */
export const IPC_PREFIX = 'redac:';
export const EVENT_PREFIX = 'redac-event:';
