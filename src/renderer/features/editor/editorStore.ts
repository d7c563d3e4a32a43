import { create } from 'zustand';
import { fieldsOf, type Article, type Language } from '../../../shared/domain/article';
import type { Term, TermKind } from '../../../shared/domain/term';
import { call, IpcError } from '../../bridge';
import { createAutosaver, type Autosaver, type Draft, type SaveState } from './autosaver';
import { crashBuffer, type BufferedDraft } from './crashBuffer';
import { markOpen } from './openTiming';

/** Something that was recovered from the crash buffer on open. */
export type Recovery =
  | { kind: 'restored'; at: number }
  /** The store moved on since: the person chooses. */
  | { kind: 'offered'; at: number; entry: BufferedDraft; partial?: boolean };

interface EditorState {
  /** The article as last loaded or saved. */
  article: Article | undefined;
  /** What the person sees, saved or not. */
  draft: Draft | undefined;
  /** Bumped when the editor must show content it did not type itself (another version loaded). */
  contentKey: number;
  loading: boolean;
  error: string | undefined;
  saveState: SaveState;
  recovery: Recovery | undefined;
  /** Names of the sections, tags and authors the draft points to, by kind and id. */
  terms: Record<string, Term>;
  /** Whether French typography is applied as the writer types (on by default for French articles). */
  typographyOn: boolean;
  open(id: string): Promise<void>;
  /** Any edit to any field: the autosaver sends the whole draft shortly after. */
  change(patch: Partial<Draft>): void;
  rememberTerm(kind: TermKind, term: Term): void;
  setTypography(on: boolean): void;
  flush(): Promise<void>;
  hasUnsaved(): boolean;
  keepMine(): Promise<void>;
  loadTheirs(): Promise<void>;
  restoreRecovered(): void;
  dismissRecovery(): void;
  /** Another window or desk saved this article: follow it when nothing here is unsaved. */
  noticeRemoteChange(id: string, revision: number): Promise<void>;
  /** The body editor hands over its pending content (it sends the body lazily, not on every keystroke). */
  registerBodySource(source: (() => void) | undefined): void;
}

let autosaver: Autosaver | undefined;
let bodySource: (() => void) | undefined;

export const termKey = (kind: TermKind, id: number): string => `${kind}:${id}`;

function termsOf(article: Article): Record<string, Term> {
  const out: Record<string, Term> = {};
  if (article.section) out[termKey('sections', article.section.id)] = article.section;
  for (const t of article.tags) out[termKey('tags', t.id)] = t;
  for (const a of article.authors) out[termKey('authors', a.id)] = a;
  return out;
}

const sameDraft = (a: Draft, b: Draft): boolean => JSON.stringify(a) === JSON.stringify(b);

function followSpellcheck(language: Language): void {
  call('app:setSpellcheckLanguage', { language }).catch(() => {
    // The browser's spellchecker follows the lang attribute anyway.
  });
}

export const useEditorStore = create<EditorState>((set, get) => {
  function startAutosaver(article: Article): void {
    // The previous article's autosaver may still hold what was typed while the next one loaded: it saves that
    // to its own article (retrying if it must) and retires once nothing is unsaved. Stopping it outright
    // would drop those keystrokes.
    const previous = autosaver;
    if (previous)
      void previous.flush().finally(() => {
        if (!previous.hasUnsaved()) previous.stop();
      });
    const id = article.id;
    let sent: Draft | undefined;
    autosaver = createAutosaver({
      baseRevision: article.revision,
      // With the body's own 300 ms at most, a change reaches the store in well under a second.
      delayMs: 400,
      maxWaitMs: 500,
      save: (fields, baseRevision) => {
        sent = fields;
        crashBuffer.addInFlight(id, baseRevision + 1, fields.body);
        return call('articles:save', { id, baseRevision, fields });
      },
      isConflict: (error) => error instanceof IpcError && error.code === 'conflict',
      onState: (saveState) => {
        // Someone else's save is in the store now: this draft's copies no longer rest on a body it holds.
        if (saveState.kind === 'conflict') crashBuffer.dropBase(id);
        if (get().article?.id !== id) return;
        // Each change while one is already pending says "pending" again: not worth a render.
        if (saveState.kind === 'pending' && get().saveState.kind === 'pending') return;
        set({ saveState });
      },
      onSaved: (answer) => {
        // The answer leaves out the body: the store holds the one this save sent.
        const body = sent?.body;
        if (!body) return;
        const saved: Article = { ...answer, body };
        crashBuffer.setBase(id, saved.revision, body);
        if (get().article?.id !== id) return;
        const pending = autosaver?.pendingDraft();
        if (!pending) crashBuffer.forget(id);
        const draft = get().draft;
        // Main made the slug unique (or tidied it): show what it stored, unless the writer is editing it.
        const slugFocused = document.activeElement?.id === 'slug';
        if (draft && sent && saved.slug !== sent.slug && draft.slug === sent.slug && !slugFocused) {
          set({ article: saved, draft: { ...draft, slug: saved.slug } });
        } else set({ article: saved });
      },
    });
  }

  function show(article: Article, draft: Draft = fieldsOf(article)): void {
    const previous = get().article?.id;
    if (previous && previous !== article.id) crashBuffer.release(previous);
    startAutosaver(article);
    crashBuffer.setBase(article.id, article.revision, article.body);
    set((state) => ({
      article,
      draft,
      contentKey: state.contentKey + 1,
      loading: false,
      error: undefined,
      saveState: { kind: 'saved', at: article.updatedAt },
      recovery: undefined,
      terms: { ...state.terms, ...termsOf(article) },
      typographyOn: draft.language === 'fr',
    }));
    followSpellcheck(draft.language);
  }

  /** Puts a crash copy back when the store has not moved since it was made; offers it otherwise. */
  async function recover(article: Article): Promise<void> {
    const entry = crashBuffer.read(article.id, article);
    if (!entry) return;
    // Another window has it open and unsaved: that window will save it; nothing was left behind.
    if (await crashBuffer.heldElsewhere(article.id)) return crashBuffer.leave(article.id);
    if (get().article?.id !== article.id || autosaver?.hasUnsaved()) return;
    const stored = fieldsOf(article);
    if (sameDraft(entry.draft, stored)) return crashBuffer.forget(article.id);
    // Only part of it could be put together: never applied without the person's say.
    if (entry.partial) {
      set({ recovery: { kind: 'offered', at: entry.at, entry, partial: true } });
      return;
    }
    if (entry.baseRevision === article.revision) {
      show(article, entry.draft);
      set({ recovery: { kind: 'restored', at: entry.at } });
      get().change({});
      return;
    }
    set({ recovery: { kind: 'offered', at: entry.at, entry } });
  }

  return {
    article: undefined,
    draft: undefined,
    contentKey: 0,
    loading: false,
    error: undefined,
    saveState: { kind: 'saved', at: 0 },
    recovery: undefined,
    terms: {},
    typographyOn: true,
    async open(id) {
      if (get().article?.id === id) return;
      markOpen('start');
      // Hide the current article first, so nothing more is typed into it while it saves and the next loads.
      set({ loading: true, error: undefined });
      await get().flush();
      try {
        const article = await call('articles:get', { id });
        markOpen('fetched');
        show(article);
        markOpen('shown');
        await recover(article);
      } catch (error) {
        set({ loading: false, error: (error as Error).message });
      }
    },
    change(patch) {
      const { draft, article } = get();
      if (!draft || !article) return;
      const next = { ...draft, ...patch };
      if (patch.language && patch.language !== draft.language) {
        followSpellcheck(patch.language);
        set({ typographyOn: patch.language === 'fr' });
      }
      set({ draft: next });
      crashBuffer.keep({
        id: article.id,
        baseRevision: get().article?.revision ?? 0,
        draft: next,
        at: Date.now(),
      });
      autosaver?.change(next);
    },
    rememberTerm(kind, term) {
      set((state) => ({ terms: { ...state.terms, [termKey(kind, term.id)]: term } }));
    },
    setTypography: (on) => set({ typographyOn: on }),
    async flush() {
      bodySource?.();
      crashBuffer.flushAll();
      await autosaver?.flush();
    },
    hasUnsaved: () => autosaver?.hasUnsaved() ?? false,
    async keepMine() {
      const article = get().article;
      if (!article || !autosaver) return;
      const current = await call('articles:get', { id: article.id });
      autosaver.resolveConflict(current.revision);
    },
    async loadTheirs() {
      const article = get().article;
      if (!article) return;
      crashBuffer.forget(article.id, undefined, true);
      show(await call('articles:get', { id: article.id }));
    },
    restoreRecovered() {
      const { recovery, article } = get();
      if (recovery?.kind !== 'offered' || !article) return;
      show(article, recovery.entry.draft);
      set({ recovery: { kind: 'restored', at: recovery.at } });
      get().change({});
    },
    dismissRecovery() {
      const { recovery, article } = get();
      if (recovery?.kind === 'offered' && article) crashBuffer.forget(article.id);
      set({ recovery: undefined });
    },
    async noticeRemoteChange(id, revision) {
      const article = get().article;
      if (!article || article.id !== id || revision <= article.revision) return;
      // Body keystrokes not yet handed over count as unsaved too: never replace them.
      bodySource?.();
      if (autosaver?.hasUnsaved()) return;
      const fresh = await call('articles:get', { id });
      if (fresh.revision > (get().article?.revision ?? 0) && !autosaver?.hasUnsaved()) show(fresh);
    },
    registerBodySource(source) {
      bodySource = source;
    },
  };
});
