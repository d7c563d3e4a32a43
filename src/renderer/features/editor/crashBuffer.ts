import type { Article, BodyDoc, PmNode } from '../../../shared/domain/article';
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
  bases?: StoredBase[];
}

/**
 * One body a copy was written against. `local` marks this window's own whole copy (below), which recovery
 * finds in the storage itself: a copy written against it rebuilds even when the store no longer holds any of
 * the bodies it knew (another window saved over the draft before this one noticed, then this one died).
 */
interface StoredBase {
  revision: number;
  fingerprint: string;
  ops: BodyOps;
  /** The window whose whole copy this is (tabs share the storage, each keeps its own). */
  local?: string;
}

/** What recovery found, and whether all of it could be put together. */
export interface RecoveredCopy extends BufferedDraft {
  /**
   * The body could not be rebuilt on anything still held: the draft carries the store's body followed by the
   * blocks the copy itself held (what was being typed), so nothing is lost and nothing is invented.
   */
  partial?: true;
}

/**
 * The copy written while typing, one per window (`redac:unsaved:<id>:<window>`): tabs share the storage, and
 * a shared key let another tab's save remove (or its typing overwrite) this tab's unsaved text. The previous
 * version wrote `redac:unsaved:<id>`; recovery still reads that key.
 */
const KEY_PREFIX = 'redac:unsaved:';
/**
 * The whole draft, written once typing pauses (never per keystroke: it costs the article's length). It stays
 * while the article is open here, even after the store has the draft, because later copies are written
 * against it too.
 */
const WHOLE_PREFIX = 'redac:unsaved-whole:';
const WRITE_DELAY_MS = 200;
/** Quiet time after the last change before the whole copy is written (as typingPause counts a pause). */
const WHOLE_DELAY_MS = 1000;
/** This window, among the tabs and windows sharing the storage; it starts with when the window opened. */
const WINDOW_ID = `${Date.now().toString(36)}.${Math.random().toString(36).slice(2, 8)}`;
/** A whole copy left by a window gone this long, with no copy resting on it, is nobody's base any more. */
const ORPHAN_AFTER_MS = 24 * 60 * 60 * 1000;
const wholeKey = (id: string, window = WINDOW_ID): string => `${WHOLE_PREFIX}${id}:${window}`;
const copyKey = (id: string, window = WINDOW_ID): string => `${KEY_PREFIX}${id}:${window}`;
/** The key the previous version wrote for every window at once. */
const legacyKey = (id: string): string => KEY_PREFIX + id;

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
/** Per article: the body of the whole copy this window last wrote (see WHOLE_PREFIX). */
const localBases = new Map<string, DeltaBase>();
const wholeTimers = new Map<string, ReturnType<typeof setTimeout>>();
/**
 * Per article: the copy recovery offered (another window's, the previous version's) and the whole copy it
 * rests on, as read. They go once the draft is saved or given up, unless their window has written them again.
 */
const leftBehind = new Map<string, { key: string; raw: string }[]>();

function toStored(entry: BufferedDraft): string {
  const known = bases.get(entry.id) ?? [];
  const local = localBases.get(entry.id);
  const content = entry.draft.body.content;
  if ((!known.length && !local) || !content) return stringifyWithBody(entry);
  const { content: _content, ...shell } = entry.draft.body;
  const stored: StoredBase[] = known.map((base) => ({
    revision: base.revision,
    fingerprint: baseFingerprint(base),
    ops: bodyOps(entry.draft.body, base),
  }));
  if (local)
    stored.push({
      revision: local.revision,
      fingerprint: baseFingerprint(local),
      ops: bodyOps(entry.draft.body, local),
      local: WINDOW_ID,
    });
  const copy: StoredCopy = {
    id: entry.id,
    baseRevision: entry.baseRevision,
    at: entry.at,
    draft: { ...entry.draft, body: shell as BodyDoc },
    bases: stored,
  };
  return JSON.stringify(copy);
}

function writeWhole(entry: BufferedDraft): void {
  try {
    storage()?.setItem(wholeKey(entry.id), stringifyWithBody(entry));
    localBases.set(entry.id, deltaBase(entry.baseRevision, entry.draft.body));
  } catch {
    // Without room for it, copies are written against the store's bodies only, as before.
  }
}

function readRaw(key: string): string | undefined {
  try {
    return storage()?.getItem(key) ?? undefined;
  } catch {
    return undefined;
  }
}

function parse(raw: string | undefined): unknown {
  try {
    return raw ? JSON.parse(raw) : undefined;
  } catch {
    return undefined;
  }
}

/** Every storage key holding a copy of this article: each window's, and the previous version's. */
function copyKeys(id: string): string[] {
  const store = storage();
  if (!store) return [];
  const keys: string[] = [];
  const own = copyKey(id, '');
  try {
    for (let i = 0; i < store.length; i++) {
      const key = store.key(i);
      if (!key) continue;
      if (key === legacyKey(id)) keys.push(key);
      // A window id holds no colon: `<id>:<x>:<window>` belongs to another article, `<id>:<x>`.
      else if (key.startsWith(own) && !key.slice(own.length).includes(':')) keys.push(key);
    }
  } catch {
    // A storage that cannot be listed: recovery finds what it can.
  }
  return keys;
}

const isCopy = (value: unknown, id: string): value is StoredCopy =>
  !!value &&
  typeof value === 'object' &&
  (value as StoredCopy).id === id &&
  !!(value as StoredCopy).draft &&
  typeof (value as StoredCopy).draft.body === 'object' &&
  typeof (value as StoredCopy).at === 'number';

function write(entry: BufferedDraft): void {
  try {
    storage()?.setItem(copyKey(entry.id), toStored(entry));
  } catch {
    // A full or disabled storage only loses the crash copy; the store is still the real copy.
  }
}

/**
 * The draft a stored copy holds, its body rebuilt when it was written as a difference: on the stored article
 * if it is one of its bases, else on the whole copy left beside it.
 */
function fromStored(
  copy: StoredCopy,
  stored: Article,
  whole: StoredCopy | undefined,
): BufferedDraft | undefined {
  if (!copy.bases) return copy;
  const withBody = (content: BodyDoc['content'], baseRevision: number): BufferedDraft => ({
    id: copy.id,
    baseRevision,
    at: copy.at,
    draft: { ...copy.draft, body: { ...copy.draft.body, content } as BodyDoc },
  });
  const storedFingerprint = bodyFingerprint(stored.body);
  const wholeFingerprint = whole && !whole.bases ? bodyFingerprint(whole.draft.body) : undefined;
  for (const base of copy.bases) {
    if (base.local) {
      if (!whole || base.fingerprint !== wholeFingerprint) continue;
      const content = applyBodyOps(base.ops, whole.draft.body);
      // Edited on the revision the copy says, whatever the store holds now: recovery compares the two.
      if (content) return withBody(content, copy.baseRevision);
      continue;
    }
    if (base.revision !== stored.revision || base.fingerprint !== storedFingerprint) continue;
    const content = applyBodyOps(base.ops, stored.body);
    if (content) return withBody(content, base.revision);
  }
  return undefined;
}

/** What a copy that rebuilds on nothing still holds: its fields, and the blocks it carried itself. */
function partialOf(copy: StoredCopy, stored: Article): RecoveredCopy {
  const own = new Map<string, PmNode>();
  for (const base of copy.bases ?? [])
    if (Array.isArray(base.ops))
      for (const op of base.ops)
        if (!Array.isArray(op) && op && typeof op === 'object') own.set(JSON.stringify(op), op);
  const content = [...(stored.body.content ?? []), ...own.values()];
  return {
    id: copy.id,
    baseRevision: copy.baseRevision,
    at: copy.at,
    draft: { ...copy.draft, body: { ...copy.draft.body, content } as BodyDoc },
    partial: true,
  };
}

/**
 * What one window's copy gives back: the newest of it rebuilt (on `stored`, the article as the store has it
 * now, or on the whole copy that window wrote at its last pause) and that whole copy; when it rebuilds on
 * nothing, the whole copy; failing that, what the copy holds (`partial`). Never dropped.
 */
function recoverOne(
  copy: StoredCopy,
  stored: Article,
  whole: StoredCopy | undefined,
): RecoveredCopy | undefined {
  try {
    const rebuilt = fromStored(copy, stored, whole);
    if (rebuilt) return whole && whole.at > rebuilt.at ? whole : rebuilt;
    if (whole) return whole;
    return partialOf(copy, stored);
  } catch {
    return whole ?? undefined;
  }
}

/**
 * Whole copies outlive saves on purpose, so a window that closes (or dies with nothing unsaved) would leave
 * one behind per article, about the article's size each. On leaving, a window takes its own away when nothing
 * waits on them; once a day's old, those of windows that never left cleanly go too, unless a copy rests on them.
 */
function sweepOrphans(): void {
  const store = storage();
  if (!store) return;
  try {
    const stale: string[] = [];
    for (let i = 0; i < store.length; i++) {
      const key = store.key(i);
      if (!key?.startsWith(WHOLE_PREFIX)) continue;
      const split = key.lastIndexOf(':');
      const id = key.slice(WHOLE_PREFIX.length, split);
      const opened = parseInt(key.slice(split + 1).split('.')[0] ?? '', 36);
      const old = !Number.isFinite(opened) || Date.now() - opened > ORPHAN_AFTER_MS;
      const window = key.slice(split + 1);
      // A window's copies rest on its own whole copy only; the previous version's might rest on any.
      const restedOn = store.getItem(copyKey(id, window)) !== null || store.getItem(legacyKey(id)) !== null;
      if (old && !restedOn) stale.push(key);
    }
    for (const key of stale) store.removeItem(key);
  } catch {
    // A storage that cannot be listed keeps its copies; nothing is lost.
  }
}
sweepOrphans();
if (typeof addEventListener === 'function')
  addEventListener('pagehide', () => {
    for (const id of [...localBases.keys()]) crashBuffer.release(id);
  });

export const crashBuffer = {
  /**
   * Remembers the draft soon: at most WRITE_DELAY_MS after the first change not yet written, however fast
   * the writer types (a throttle, not a debounce). `now` writes at once (closing, hiding).
   */
  keep(entry: BufferedDraft, now = false): void {
    latest.set(entry.id, entry);
    // A timer reset per change (constant cost): the whole copy is written once the writer pauses.
    clearTimeout(wholeTimers.get(entry.id));
    wholeTimers.set(
      entry.id,
      setTimeout(() => {
        wholeTimers.delete(entry.id);
        // `entry` is the last change (the timer restarts on each): written even if a save has landed since.
        writeWhole(entry);
        // The copy already written may point at a store body about to be replaced: rest it on this one too.
        if (latest.get(entry.id) === entry) write(entry);
      }, WHOLE_DELAY_MS),
    );
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
   * The copy left for this article, undefined when nothing unsaved was left. Every window's copy is read
   * (windows that died included, and the previous version's shared key), each as `recoverOne` gives it back;
   * the newest complete one wins, a partial one only when nothing else is left; the others stay for later.
   */
  read(id: string, stored: Article): RecoveredCopy | undefined {
    const found: { copy: RecoveredCopy; read: { key: string; raw: string }[] }[] = [];
    for (const key of copyKeys(id)) {
      const raw = readRaw(key);
      const rawCopy = parse(raw);
      if (!raw || !isCopy(rawCopy, id)) continue;
      const read = [{ key, raw }];
      const writer = rawCopy.bases?.find((base) => typeof base.local === 'string')?.local;
      const wholeRaw = writer ? readRaw(wholeKey(id, writer)) : undefined;
      if (writer && writer !== WINDOW_ID && wholeRaw) read.push({ key: wholeKey(id, writer), raw: wholeRaw });
      const rawWhole = parse(wholeRaw);
      const whole = isCopy(rawWhole, id) && !rawWhole.bases ? rawWhole : undefined;
      const copy = recoverOne(rawCopy, stored, whole);
      if (copy) found.push({ copy, read });
    }
    // A whole copy alone is nothing unsaved (it stays after a save, as a base).
    if (!found.length) return undefined;
    // The newest copy that is whole or rebuilt wins; a partial one only when nothing else is left.
    const complete = found.filter(({ copy }) => !copy.partial);
    const pool = complete.length ? complete : found;
    const chosen = pool.reduce((newest, next) => (next.copy.at > newest.copy.at ? next : newest));
    // Only the copy offered goes once saved or given up: another dead window's (older, maybe different)
    // is offered at the next open, never dropped unseen.
    leftBehind.set(id, chosen.read);
    return chosen.copy;
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
  /**
   * What `read` found is not being recovered here (another window still holds the draft): saving this
   * window's own text must not take those copies away, or that window's would be gone if it then died.
   */
  leave(id: string): void {
    leftBehind.delete(id);
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
  /**
   * The store has this draft (or a later one): the crash copy is no longer needed. The whole copy stays as a
   * base for the next copies unless `all` (the draft is given up, or the article is left).
   */
  forget(id: string, ifDraft?: Draft, all = false): void {
    const current = latest.get(id);
    if (ifDraft && current && current.draft !== ifDraft) return;
    const timer = timers.get(id);
    if (timer) clearTimeout(timer);
    timers.delete(id);
    latest.delete(id);
    if (all) {
      clearTimeout(wholeTimers.get(id));
      wholeTimers.delete(id);
      localBases.delete(id);
    }
    const read = leftBehind.get(id) ?? [];
    leftBehind.delete(id);
    try {
      storage()?.removeItem(copyKey(id));
      // What recovery read is saved or given up now; a window that wrote again since keeps its newer copy.
      for (const { key, raw } of read) if (storage()?.getItem(key) === raw) storage()?.removeItem(key);
      if (all) storage()?.removeItem(wholeKey(id));
    } catch {
      // nothing to do
    }
  },
  /** The article is no longer open here: its whole copy goes, unless a copy still waits on it. */
  release(id: string): void {
    if (latest.has(id)) return;
    clearTimeout(wholeTimers.get(id));
    wholeTimers.delete(id);
    localBases.delete(id);
    try {
      storage()?.removeItem(wholeKey(id));
    } catch {
      // nothing to do
    }
  },
};
