import type { ArticleFields, SavedArticle } from '../../../shared/domain/article';

/** Every field as the writer sees it; a save sends it whole. */
export type Draft = ArticleFields;

export type SaveState =
  | { kind: 'saved'; at: number }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'failed'; message: string; retryAt: number }
  | { kind: 'conflict'; message: string };

export interface AutosaverOptions {
  save(draft: Draft, baseRevision: number): Promise<SavedArticle>;
  /** Whether a failure means someone else saved first (then retrying would be wrong). */
  isConflict(error: unknown): boolean;
  onState(state: SaveState): void;
  onSaved(article: SavedArticle): void;
  baseRevision: number;
  /** Quiet time after the last keystroke before saving; with the save itself, well within a second. */
  delayMs?: number;
  /** Longest a change waits while the writer keeps typing without a pause (a debounce alone never fires). */
  maxWaitMs?: number;
  now?: () => number;
}

const RETRY_STEPS_MS = [1000, 2000, 4000, 8000, 15000, 30000];

/**
 * Keeps the newest unsaved draft of one article and gets it into the store: shortly after typing stops, at
 * once on flush (blur, switching article, closing), and again and again after a failure until it lands.
 * A draft is only forgotten once the store has acknowledged it; a conflict stops and waits for the person.
 */
export function createAutosaver(options: AutosaverOptions) {
  const delayMs = options.delayMs ?? 600;
  const maxWaitMs = options.maxWaitMs ?? Number.POSITIVE_INFINITY;
  const now = options.now ?? Date.now;
  /** When the oldest unsaved change was made. */
  let waitingSince: number | undefined;
  let baseRevision = options.baseRevision;
  let pending: Draft | undefined;
  let inFlight: Promise<void> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  let conflicted = false;
  let stopped = false;

  const setState = (state: SaveState): void => options.onState(state);

  function schedule(ms: number): void {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      void run();
    }, ms);
  }

  async function run(): Promise<void> {
    if (inFlight) return inFlight;
    if (!pending || conflicted || stopped) return;
    const draft = pending;
    waitingSince = undefined;
    setState({ kind: 'saving' });
    inFlight = (async () => {
      try {
        const saved = await options.save(draft, baseRevision);
        baseRevision = saved.revision;
        failures = 0;
        if (pending === draft) pending = undefined;
        options.onSaved(saved);
        if (pending) schedule(0);
        else setState({ kind: 'saved', at: now() });
      } catch (error) {
        if (options.isConflict(error)) {
          conflicted = true;
          setState({ kind: 'conflict', message: error instanceof Error ? error.message : String(error) });
          return;
        }
        const wait = RETRY_STEPS_MS[Math.min(failures, RETRY_STEPS_MS.length - 1)] ?? 30000;
        failures += 1;
        setState({
          kind: 'failed',
          message: error instanceof Error ? error.message : String(error),
          retryAt: now() + wait,
        });
        if (!stopped) schedule(wait);
      } finally {
        inFlight = undefined;
      }
    })();
    return inFlight;
  }

  return {
    change(draft: Draft): void {
      pending = draft;
      if (conflicted) return;
      setState({ kind: 'pending' });
      waitingSince ??= now();
      schedule(Math.max(0, Math.min(delayMs, waitingSince + maxWaitMs - now())));
    },
    /** Saves whatever is pending now, and resolves once the store has it (or the attempt failed). */
    async flush(): Promise<void> {
      if (timer) clearTimeout(timer);
      timer = undefined;
      if (inFlight) await inFlight;
      if (pending && !conflicted) await run();
    },
    hasUnsaved: (): boolean => pending !== undefined || inFlight !== undefined,
    pendingDraft: (): Draft | undefined => pending,
    /** After the person chose to keep their version over a conflicting save: continue from that revision. */
    resolveConflict(revision: number): void {
      baseRevision = revision;
      conflicted = false;
      failures = 0;
      if (pending) schedule(0);
    },
    stop(): void {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}

export type Autosaver = ReturnType<typeof createAutosaver>;
