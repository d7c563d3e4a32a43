import type { ChannelFunctions, RedacBridge } from '../../shared/ipc/bridge';
import { channelNames, type EventName } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/result';
import { stringifyWithBodies } from './bodyJsonText';
import { postJson } from './httpPost';

type Post = (channel: string, body: string) => Promise<Result<unknown>>;

/**
 * Calls go through a worker where the page can start one (ipcWorker.ts says why); where it cannot (tests
 * under jsdom) or the worker fails to load, from the page itself, including any call that was waiting on it.
 */
function workerPost(): Post {
  if (typeof Worker === 'undefined') return postJson;
  let worker: Worker | undefined;
  try {
    worker = new Worker(new URL('./ipcWorker.ts', import.meta.url), { type: 'module' });
  } catch {
    return postJson;
  }
  let next = 0;
  const waiting = new Map<number, { channel: string; body: string; done(result: Result<unknown>): void }>();
  worker.onmessage = (event: MessageEvent<{ id: number; result: Result<unknown> }>) => {
    waiting.get(event.data.id)?.done(event.data.result);
    waiting.delete(event.data.id);
  };
  worker.onerror = () => {
    worker?.terminate();
    worker = undefined;
    for (const call of waiting.values()) void postJson(call.channel, call.body).then(call.done);
    waiting.clear();
  };
  return (channel, body) => {
    if (!worker) return postJson(channel, body);
    const id = next++;
    const running = worker;
    return new Promise((done) => {
      waiting.set(id, { channel, body, done });
      running.postMessage({ id, channel, body });
    });
  };
}

/**
 * The browser transport: the same RedacBridge the preload exposes under Electron, over the web host's
 * POST /ipc/<channel> and GET /events. Built from the contract's channel list, like the preload.
 */
export function createHttpBridge(): RedacBridge {
  const post = workerPost();
  const invoke = Object.fromEntries(
    channelNames.map((channel) => [
      channel,
      (input: unknown) => post(channel, stringifyWithBodies(input ?? {})),
    ]),
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
