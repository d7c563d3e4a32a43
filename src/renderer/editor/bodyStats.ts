import type { Node as PmNode } from '@tiptap/pm/model';
import { create } from 'zustand';
import { countCharacters, countWords, readingMinutes } from '../../shared/text/textStats';

interface Stats {
  words: number;
  characters: number;
  minutes: number;
}

/** The body's live figures, shown under it. */
export const useBodyStats = create<Stats>(() => ({ words: 0, characters: 0, minutes: 0 }));

/**
 * Per-block figures, remembered by block: ProseMirror reuses the node objects of blocks a change did not
 * touch, so recounting after a keystroke costs one block's text, not the document's.
 */
const perBlock = new WeakMap<PmNode, { words: number; characters: number }>();

export function bodyFigures(doc: PmNode): Stats {
  let words = 0;
  let characters = 0;
  doc.forEach((block) => {
    let figures = perBlock.get(block);
    if (!figures) {
      const text = block.textBetween(0, block.content.size, ' ', ' ');
      figures = { words: countWords(text), characters: countCharacters(block.textContent) };
      perBlock.set(block, figures);
    }
    words += figures.words;
    characters += figures.characters;
  });
  return { words, characters, minutes: readingMinutes(words) };
}

let timer: ReturnType<typeof setTimeout> | undefined;

/** Recounts shortly after typing pauses: a keystroke itself only restarts a timer. */
export function scheduleBodyStats(doc: () => PmNode, delayMs = 200): void {
  if (timer) clearTimeout(timer);
  timer = setTimeout(() => {
    timer = undefined;
    const next = bodyFigures(doc());
    const current = useBodyStats.getState();
    if (
      next.words !== current.words ||
      next.characters !== current.characters ||
      next.minutes !== current.minutes
    )
      useBodyStats.setState(next);
  }, delayMs);
}
