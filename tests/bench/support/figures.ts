import { performance } from 'node:perf_hooks';

/**
 * Benchmarks print every figure beside a baseline measured in the same run, and the ratio between them:
 * these machines are shared and noisy, so only ratios compare across runs.
 */
export interface Figure {
  name: string;
  value: number;
  baseline: number;
  baselineName: string;
  unit: string;
  /** What the figure must stay under or above, when an issue sets a target. */
  target?: { max?: number; min?: number; against: 'value' | 'ratio' };
}

export function ratioOf(figure: Figure): number {
  return figure.baseline === 0 ? Number.POSITIVE_INFINITY : figure.value / figure.baseline;
}

export function targetMet(figure: Figure): boolean | undefined {
  if (!figure.target) return undefined;
  const x = figure.target.against === 'ratio' ? ratioOf(figure) : figure.value;
  return (
    (figure.target.max === undefined || x <= figure.target.max) &&
    (figure.target.min === undefined || x >= figure.target.min)
  );
}

const fmt = (n: number): string =>
  Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 1 ? n.toFixed(2) : n.toPrecision(3);

export function formatFigure(figure: Figure): string {
  const met = targetMet(figure);
  const target = figure.target
    ? ` target ${figure.target.against} ${figure.target.max !== undefined ? `<= ${figure.target.max}` : `>= ${figure.target.min}`}: ${met ? 'met' : 'NOT MET'}`
    : '';
  return `${figure.name}: ${fmt(figure.value)} ${figure.unit} | baseline ${figure.baselineName}: ${fmt(figure.baseline)} ${figure.unit} | ratio ${fmt(ratioOf(figure))}x${target}`;
}

/** Runs fn `runs` times and returns each duration in milliseconds. */
export function sampleMs(runs: number, fn: (i: number) => void): number[] {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn(i);
    out.push(performance.now() - start);
  }
  return out;
}

/** As sampleMs, each run timed until the promise it returns settles (a save timed until its reply). */
export async function sampleMsAsync(runs: number, fn: (i: number) => Promise<void>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn(i);
    out.push(performance.now() - start);
  }
  return out;
}

export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}
