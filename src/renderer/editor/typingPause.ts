/**
 * While the writer types in the body, every autosave announces a new revision, and the views derived from the
 * article (the list, the desk counts, the workflow, sync and comment panels) would each fetch and re-render
 * twice a second: tasks that a keystroke then waits behind. They follow once typing pauses instead.
 */
const PAUSE_MS = 1000;

let lastKeystroke = -Infinity;
const waiting = new Map<string, { run: () => void; timer: ReturnType<typeof setTimeout> }>();

/** The body changed by typing: a cheap timestamp, called per keystroke. */
export function noteTyping(): void {
  lastKeystroke = performance.now();
}

/**
 * Runs `run` now when the writer is not typing, otherwise once typing has paused for a second. Later calls with
 * the same key before then replace the earlier one: the refresh happens once, with the latest request.
 */
export function whenTypingPauses(key: string, run: () => void): void {
  const previous = waiting.get(key);
  if (previous) clearTimeout(previous.timer);
  const wait = lastKeystroke + PAUSE_MS - performance.now();
  if (wait <= 0) {
    waiting.delete(key);
    run();
    return;
  }
  const timer = setTimeout(() => {
    waiting.delete(key);
    whenTypingPauses(key, run);
  }, wait);
  waiting.set(key, { run, timer });
}
