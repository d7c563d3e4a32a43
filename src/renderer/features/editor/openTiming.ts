/**
 * User Timing marks of the phases of opening an article (`npm run bench -- --only editor` prints them):
 * start (clicked), fetched (the article arrived and was parsed), shown (the store holds it), created (the
 * body's editor and its view exist), mounted (React committed the form with the body in it).
 */
export type OpenPhase = 'start' | 'fetched' | 'shown' | 'created' | 'mounted';

export function markOpen(phase: OpenPhase): void {
  performance.mark(`redac:open:${phase}`);
}
