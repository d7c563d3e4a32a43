import type { ChannelFunctions, RedacBridge } from '../../shared/ipc/bridge';
import { channelNames, type EventName } from '../../shared/ipc/contract';
import type { IpcErrorBody, Result } from '../../shared/ipc/result';

function failure(code: IpcErrorBody['code'], message: string): Result<never> {
  return { ok: false, error: { code, message } };
}

async function post(channel: string, input: unknown): Promise<Result<unknown>> {
  let response: Response;
  try {
    response = await fetch(`/ipc/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input ?? {}),
      credentials: 'same-origin',
    });
  } catch {
    return failure('unavailable', 'Redac’s service is not reachable. Is `npm run serve` still running?');
  }
  if (response.status === 401)
    return failure(
      'forbidden',
      'This page’s key has expired: open the address Redac printed when it started.',
    );
  try {
    return (await response.json()) as Result<unknown>;
  } catch {
    return failure('unavailable', `Redac’s service answered ${response.status} without a result.`);
  }
}

/**
 * The browser transport: the same RedacBridge the preload exposes under Electron, over the web host's
 * POST /ipc/<channel> and GET /events. Built from the contract's channel list, like the preload.
 */
export function createHttpBridge(): RedacBridge {
  const invoke = Object.fromEntries(
    channelNames.map((channel) => [channel, (input: unknown) => post(channel, input)]),
  ) as unknown as ChannelFunctions;

  let source: EventSource | undefined;
  return {
    transport: 'host',
    invoke,
    on(event, listener) {
      source ??= new EventSource('/events', { withCredentials: true });
      const handler = (message: MessageEvent<string>): void => listener(JSON.parse(message.data) as never);
      source.addEventListener(event satisfies EventName, handler);
      return () => source?.removeEventListener(event, handler);
    },
  };
}
