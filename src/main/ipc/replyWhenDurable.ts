import { channelNames } from '../../shared/ipc/contract';
import { acknowledgedMark, writesAcknowledged } from '../db/durability';
import type { Db } from '../db/open';
import type { Handlers } from './handlers';

/**
 * Every handler answers only once the writes it made with 'acknowledged' durability are on the disk
 * (db/durability.ts): saves, creations and status changes commit without an fsync on the main thread, and
 * their reply waits for the fsync made on libuv's pool.
 */
export function replyWhenDurable(handlers: Handlers, db: Db): Handlers {
  const wrapped: Partial<Record<string, (input: never) => Promise<unknown>>> = {};
  for (const channel of channelNames) {
    const handler = handlers[channel] as (input: never) => unknown;
    wrapped[channel] = async (input) => {
      const mark = acknowledgedMark(db);
      const value = await handler(input);
      // Only a call that wrote waits: a search during a slow fsync answers at once.
      if (acknowledgedMark(db) !== mark) await writesAcknowledged(db);
      return value;
    };
  }
  return wrapped as unknown as Handlers;
}
