import type { Article, BodyDoc } from '../../../shared/domain/article';
import type { Draft } from './autosaver';
import {
  applyBodyOps,
  baseFingerprint,
  bodyFingerprint,
  bodyOps,
  deltaBase,
  type BodyOps,
  type DeltaBase,
} from './crashCopyDelta';
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

/**
 * How a copy is stored. While the writer types, the body is written as its difference from a body the store
 * holds (`bases`: what the last acknowledged save sent, and what the save in flight sends), so a copy costs
 * the changed blocks, not the article. Without such a body (a conflict, nothing known yet) it is written whole.
 */
interface StoredCopy {
  id: string;
  baseRevision: number;
  at: number;
  /** The draft; with `bases`, its body has no content (it is rebuilt from one of them). */
  draft: Draft;
  bases?: { revision: number; fingerprint: string; ops: BodyOps }[];
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

/** Per article: the body the store acknowledged, then the bodies of saves in flight (at most two). */
const bases = new Map<string, DeltaBase[]>();

function toStored(entry: BufferedDraft): string {
  const known = bases.get(entry.id);
  const content = entry.draft.body.content;
  if (!known?.length || !content) return stringifyWithBody(entry);
  const { content: _content, ...shell } = entry.draft.body;
  const copy: StoredCopy = {
    id: entry.id,
    baseRevision: entry.baseRevision,
    at: entry.at,
    draft: { ...entry.draft, body: shell as BodyDoc },
    bases: known.map((base) => ({
      revision: base.revision,
      fingerprint: baseFingerprint(base),
      ops: bodyOps(entry.draft.body, base),
    })),
  };
  return JSON.stringify(copy);
}

function write(entry: BufferedDraft): void {
  try {
    storage()?.setItem(KEY_PREFIX + entry.id, toStored(entry));
  } catch {
    // A full or disabled storage only loses the crash copy; the store is still the real copy.
  }
}

/** The draft a stored copy holds, its body rebuilt on the stored article when it was written as a difference. */
function fromStored(copy: StoredCopy, stored: Article): BufferedDraft | undefined {
  if (!copy.bases) return copy;
  const storedFingerprint = bodyFingerprint(stored.body);
  for (const base of copy.bases) {
    if (base.revision !== stored.revision || base.fingerprint !== storedFingerprint) continue;
    const content = applyBodyOps(base.ops, stored.body);
    if (!content) return undefined;
    const body = { ...copy.draft.body, content } as BodyDoc;
    return { id: copy.id, baseRevision: base.revision, at: copy.at, draft: { ...copy.draft, body } };
  }
  return undefined;
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
  /**
   * The copy left for this article, rebuilt on `stored` (the article as the store has it now) when it was
   * written as a difference; undefined when there is none, or when it was made on a body the store no
   * longer has (then it cannot be rebuilt).
   */
  read(id: string, stored: Article): BufferedDraft | undefined {
    try {
      const raw = storage()?.getItem(KEY_PREFIX + id);
      if (!raw) return undefined;
      const parsed = JSON.parse(raw) as StoredCopy;
      return parsed && parsed.id === id && parsed.draft ? fromStored(parsed, stored) : undefined;
    } catch {
      return undefined;
    }
  },
  /**
   * The store holds this body at `revision` (the article as opened, or a save it acknowledged): later copies
   * are written as their difference from it. `inFlight` adds the body of a save not yet acknowledged, so a
   * copy still rebuilds if the process dies after the store took it but before the answer came back.
   */
  setBase(id: string, revision: number, body: BodyDoc): void {
    bases.set(id, [deltaBase(revision, body)]);
  },
  addInFlight(id: string, revision: number, body: BodyDoc): void {
    const [acked, ...sent] = bases.get(id) ?? [];
    // A retry after a lost answer may follow a save the store took: the last two sent stay candidates.
    if (acked) bases.set(id, [acked, ...sent.slice(-1), deltaBase(revision, body)]);
  },
  /** Nothing the store holds is this draft's base any more (a conflict): copies are written whole. */
  dropBase(id: string): void {
    bases.delete(id);
    // The copy already written may rest on that body: write it whole now, not at the next keystroke.
    const current = latest.get(id);
    if (current) write(current);
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
