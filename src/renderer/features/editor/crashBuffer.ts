import type { Draft } from './autosaver';
import { stringifyWithBody } from './draftJson';

/**
 * The last draft of each open article, kept in the renderer's own storage a few hundred milliseconds after
 * each change, and forgotten once the store has it. If the app or its host dies before a save lands, the
 * next open finds it here and puts it back (with a banner saying so).
 */
export interface BufferedDraft {
  id: string;
  /** The revision the draft was edited on. */
  baseRevision: number;
  draft: Draft;
  at: number;
}

const KEY_PREFIX = 'redac:unsaved:';
const WRITE_DELAY_MS = 200;

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

const timers = new Map<string, ReturnType<typeof setTimeout>>();
const latest = new Map<string, BufferedDraft>();

/**
 * Tabs and windows of the same origin share the storage: a crash copy may belong to another window that is
 * alive and about to save it. Before treating one as left behind, ask the others.
 */
type Message = { type: 'who-has'; id: string } | { type: 'i-have'; id: string };
const channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel('redac-unsaved');
channel?.addEventListener('message', (event: MessageEvent<Message>) => {
  if (event.data.type === 'who-has' && latest.has(event.data.id))
    channel.postMessage({ type: 'i-have', id: event.data.id } satisfies Message);
});

function write(entry: BufferedDraft): void {
  try {
    storage()?.setItem(KEY_PREFIX + entry.id, stringifyWithBody(entry));
  } catch {
    // A full or disabled storage only loses the crash copy; the store is still the real copy.
  }
}

export const crashBuffer = {
  /**
   * Remembers the draft soon: at most WRITE_DELAY_MS after the first change not yet written, however fast
   * the writer types (a throttle, not a debounce). `now` writes at once (closing, hiding).
   */
  keep(entry: BufferedDraft, now = false): void {
    latest.set(entry.id, entry);
    if (now) {
      clearTimeout(timers.get(entry.id));
      timers.delete(entry.id);
      return write(entry);
    }
    if (timers.has(entry.id)) return;
    timers.set(
      entry.id,
      setTimeout(() => {
        timers.delete(entry.id);
        const current = latest.get(entry.id);
        if (current) write(current);
      }, WRITE_DELAY_MS),
    );
  },
  /** Writes whatever is waiting, now. */
  flushAll(): void {
    for (const [id, timer] of timers) {
      clearTimeout(timer);
      const current = latest.get(id);
      if (current) write(current);
    }
    timers.clear();
  },
  read(id: string): BufferedDraft | undefined {
    try {
      const raw = storage()?.getItem(KEY_PREFIX + id);
      if (!raw) return undefined;
      const parsed = JSON.parse(raw) as BufferedDraft;
      return parsed && parsed.id === id && parsed.draft ? parsed : undefined;
    } catch {
      return undefined;
    }
  },
  /** Whether another open window holds this article's unsaved draft (then its crash copy is not an orphan). */
  heldElsewhere(id: string, waitMs = 150): Promise<boolean> {
    const open = channel;
    if (!open) return Promise.resolve(false);
    return new Promise((resolve) => {
      const onMessage = (event: MessageEvent<Message>): void => {
        if (event.data.type === 'i-have' && event.data.id === id) finish(true);
      };
      const finish = (held: boolean): void => {
        clearTimeout(timer);
        open.removeEventListener('message', onMessage);
        resolve(held);
      };
      const timer = setTimeout(() => finish(false), waitMs);
      open.addEventListener('message', onMessage);
      open.postMessage({ type: 'who-has', id } satisfies Message);
    });
  },
  /** The store has this draft (or a later one): the crash copy is no longer needed. */
  forget(id: string, ifDraft?: Draft): void {
    const current = latest.get(id);
    if (ifDraft && current && current.draft !== ifDraft) return;
    const timer = timers.get(id);
    if (timer) clearTimeout(timer);
    timers.delete(id);
    latest.delete(id);
    try {
      storage()?.removeItem(KEY_PREFIX + id);
    } catch {
      // nothing to do
    }
  },
};
