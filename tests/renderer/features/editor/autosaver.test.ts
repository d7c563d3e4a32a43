import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createAutosaver,
  type Draft,
  type SaveState,
} from '../../../../src/renderer/features/editor/autosaver';
import { emptyFields } from '../../../../src/main/articles/articleService';
import type { Article } from '../../../../src/shared/domain/article';

const draft = (headline: string): Draft => ({ ...emptyFields('fr'), headline });

class Conflict extends Error {}

function harness(saveImpl: (d: Draft, base: number) => Promise<number>) {
  const states: SaveState['kind'][] = [];
  const saved: string[] = [];
  const saver = createAutosaver({
    baseRevision: 1,
    delayMs: 600,
    save: async (d, base) => {
      const revision = await saveImpl(d, base);
      saved.push(d.headline);
      return { revision } as Article;
    },
    isConflict: (e) => e instanceof Conflict,
    onState: (s) => states.push(s.kind),
    onSaved: () => {},
  });
  return { saver, states, saved };
}

describe('autosave', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('saves the newest text once typing pauses, not every keystroke', async () => {
    const { saver, saved } = harness(async (_d, base) => base + 1);
    saver.change(draft('É'));
    await vi.advanceTimersByTimeAsync(300);
    saver.change(draft('Él'));
    await vi.advanceTimersByTimeAsync(300);
    saver.change(draft('Élu'));
    expect(saved).toEqual([]);
    await vi.advanceTimersByTimeAsync(600);
    expect(saved).toEqual(['Élu']);
    expect(saver.hasUnsaved()).toBe(false);
  });

  it('keeps a draft that failed to save and retries it until it lands', async () => {
    let failuresLeft = 2;
    const { saver, saved, states } = harness(async (_d, base) => {
      if (failuresLeft-- > 0) throw new Error('host unreachable');
      return base + 1;
    });
    saver.change(draft('Dernière minute'));
    await vi.advanceTimersByTimeAsync(600);
    expect(states.at(-1)).toBe('failed');
    expect(saver.pendingDraft()?.headline).toBe('Dernière minute');
    await vi.advanceTimersByTimeAsync(1000);
    expect(states.at(-1)).toBe('failed');
    await vi.advanceTimersByTimeAsync(2000);
    expect(saved).toEqual(['Dernière minute']);
    expect(states.at(-1)).toBe('saved');
  });

  it('saves what was typed during a save, right after it', async () => {
    let release: (() => void) | undefined;
    const { saver, saved } = harness(
      (_d, base) => new Promise((resolve) => (release = () => resolve(base + 1))),
    );
    saver.change(draft('un'));
    await vi.advanceTimersByTimeAsync(600);
    saver.change(draft('un deux'));
    release?.();
    await vi.advanceTimersByTimeAsync(0);
    release?.();
    await vi.advanceTimersByTimeAsync(0);
    expect(saved).toEqual(['un', 'un deux']);
  });

  it('stops on a conflict, keeps the text, and continues from the revision the person chose', async () => {
    let conflict = true;
    const bases: number[] = [];
    const { saver, states, saved } = harness(async (_d, base) => {
      bases.push(base);
      if (conflict) throw new Conflict('saved elsewhere');
      return base + 1;
    });
    saver.change(draft('ma version'));
    await vi.advanceTimersByTimeAsync(5000);
    expect(states.at(-1)).toBe('conflict');
    expect(bases).toEqual([1]);
    conflict = false;
    saver.resolveConflict(7);
    await vi.advanceTimersByTimeAsync(0);
    expect(bases).toEqual([1, 7]);
    expect(saved).toEqual(['ma version']);
  });

  it('flush saves at once, without waiting for the pause', async () => {
    const { saver, saved } = harness(async (_d, base) => base + 1);
    saver.change(draft('avant fermeture'));
    await saver.flush();
    expect(saved).toEqual(['avant fermeture']);
  });
});

describe('autosave while the writer never pauses', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('still saves within the longest wait, then again', async () => {
    const saved: string[] = [];
    const saver = createAutosaver({
      baseRevision: 1,
      delayMs: 400,
      maxWaitMs: 600,
      now: () => Date.now(),
      save: async (d, base) => {
        saved.push(d.headline);
        return { revision: base + 1 } as Article;
      },
      isConflict: () => false,
      onState: () => {},
      onSaved: () => {},
    });
    let text = '';
    for (let i = 0; i < 30; i++) {
      text += 'x';
      saver.change(draft(text));
      await vi.advanceTimersByTimeAsync(100);
    }
    // 3 s of typing, a keystroke every 100 ms: a save at least every 600 ms.
    expect(saved.length).toBeGreaterThanOrEqual(4);
    expect(saved[0]).toBe('xxxxxx');
  });
});
