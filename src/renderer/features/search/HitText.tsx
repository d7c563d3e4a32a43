import type { TextRun } from '../../../shared/domain/search';

/** Matched words in <mark>; the text is never parsed as HTML. */
export function HitText({ runs }: { runs: TextRun[] }) {
  return (
    <>{runs.map((run, i) => (run.hit ? <mark key={i}>{run.text}</mark> : <span key={i}>{run.text}</span>))}</>
  );
}
