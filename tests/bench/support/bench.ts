import type { Figure } from './figures';

export interface BenchContext {
  /** Scale asked for on the command line (--size N); each benchmark documents what it counts. */
  size: number | undefined;
  /** A fresh temporary folder for this benchmark's files. */
  workDir: string;
  report(figure: Figure): void;
  log(message: string): void;
}

/** One benchmark file's default export (tests/bench/*.bench.ts). */
export interface Bench {
  name: string;
  run(context: BenchContext): Promise<void> | void;
}
