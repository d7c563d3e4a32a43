import { diffArrays } from 'diff';

export type DiffKind = 'same' | 'added' | 'removed';
export interface DiffRun {
  text: string;
  kind: DiffKind;
}

// Words in any script (Latin with accents, Arabic, digits), then runs of spaces, then single other characters.
const TOKEN = /[\p{L}\p{M}\p{N}]+|\s+|[^\p{L}\p{M}\p{N}\s]/gu;
const IS_WORD = /^[\p{L}\p{M}\p{N}]/u;

export function tokens(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/**
 * A word-level diff: what was removed and added between two texts, as runs for display side by side.
 * Tokens are whole words, spaces and punctuation, so "vote" -> "votent" shows as a changed word, not letters.
 */
export function wordDiff(before: string, after: string): DiffRun[] {
  const parts = diffArrays(tokens(before), tokens(after)).map((part) => ({
    text: part.value.join(''),
    kind: (part.added ? 'added' : part.removed ? 'removed' : 'same') as DiffKind,
  }));
  // A change block is consecutive changes, with the bare spaces between them: shown as all that was
  // removed, then all that was added ("vote" -> "municipal adopte"), not interleaved word by word.
  const runs: DiffRun[] = [];
  const push = (text: string, kind: DiffKind): void => {
    const last = runs[runs.length - 1];
    if (last && last.kind === kind) last.text += text;
    else if (text) runs.push({ text, kind });
  };
  for (let i = 0; i < parts.length;) {
    if (parts[i]!.kind === 'same') {
      push(parts[i]!.text, 'same');
      i++;
      continue;
    }
    let removed = '';
    let added = '';
    let j = i;
    for (; j < parts.length; j++) {
      const part = parts[j]!;
      if (part.kind === 'removed') removed += part.text;
      else if (part.kind === 'added') added += part.text;
      else if (/^\s+$/.test(part.text) && parts[j + 1] && parts[j + 1]!.kind !== 'same') {
        removed += part.text;
        added += part.text;
      } else break;
    }
    push(removed, 'removed');
    push(added, 'added');
    i = j;
  }
  return runs;
}

/** Words added and removed, counted from a word diff (what a History panel shows). */
export function countWords(runs: readonly DiffRun[]): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const run of runs) {
    if (run.kind === 'same') continue;
    const n = tokens(run.text).filter((t) => IS_WORD.test(t)).length;
    if (run.kind === 'added') added += n;
    else removed += n;
  }
  return { added, removed };
}

/**
 * Words added and removed as multisets, in linear time: cheap enough to run on every save. Ignores moves
 * (a moved sentence counts as neither), which is what "words added/removed" means to a writer.
 */
export function wordChanges(before: string, after: string): { added: number; removed: number } {
  const counts = new Map<string, number>();
  for (const t of tokens(before)) if (IS_WORD.test(t)) counts.set(t, (counts.get(t) ?? 0) + 1);
  let added = 0;
  for (const t of tokens(after)) {
    if (!IS_WORD.test(t)) continue;
    const n = counts.get(t) ?? 0;
    if (n > 0) counts.set(t, n - 1);
    else added++;
  }
  let removed = 0;
  for (const n of counts.values()) removed += n;
  return { added, removed };
}
