import type { BackupProgress } from '../../shared/domain/recovery';

/**
 * The backups and Restores being copied for each data folder, for the window's progress bars. At most four
 * updates a second reach the window (a copy's thread reports ten): a bar needs no more.
 */
const boards = new Map<string, Map<number, BackupProgress>>();
let nextId = 0;
const EVERY_MS = 250;

/** Every copy of this folder running now, oldest first. */
export const runningCopies = (dataDir: string): BackupProgress[] => [
  ...(boards.get(dataDir)?.values() ?? []),
];

export interface TrackedCopy {
  update(copiedBytes: number, totalBytes: number): void;
  end(): void;
}

/** Puts a copy on the board; `onChange` hears the whole board at its start, as it moves, and at its end. */
export function trackCopy(
  dataDir: string,
  copy: Pick<BackupProgress, 'kind' | 'automatic' | 'name'>,
  onChange?: ((running: BackupProgress[]) => void) | undefined,
): TrackedCopy {
  const id = nextId++;
  const board = boards.get(dataDir) ?? new Map<number, BackupProgress>();
  boards.set(dataDir, board);
  board.set(id, { ...copy, copiedBytes: 0, totalBytes: 0, startedAt: Date.now() });
  const tell = (): void => onChange?.(runningCopies(dataDir));
  tell();
  let told = Date.now();
  return {
    update(copiedBytes, totalBytes) {
      const entry = board.get(id);
      if (!entry) return;
      board.set(id, { ...entry, copiedBytes, totalBytes });
      const now = Date.now();
      if (now - told < EVERY_MS && copiedBytes < totalBytes) return;
      told = now;
      tell();
    },
    end() {
      if (!board.delete(id)) return;
      if (board.size === 0) boards.delete(dataDir);
      tell();
    },
  };
}
