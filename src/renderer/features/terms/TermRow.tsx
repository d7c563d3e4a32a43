import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Term, TermKind } from '../../../shared/domain/term';
import { foldText } from '../../../shared/text/fold';
import { call } from '../../bridge';

type Mode = 'idle' | 'renaming' | 'merging';

/** One name in the terms dialog, with its rename and merge forms. */
export function TermRow({
  kind,
  term,
  onRename,
  onMerge,
}: {
  kind: TermKind;
  term: Term;
  onRename: (name: string) => Promise<boolean>;
  onMerge: (into: Term) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode>('idle');
  const [name, setName] = useState(term.name);
  const [target, setTarget] = useState('');
  const [candidates, setCandidates] = useState<Term[]>([]);
  const [targetError, setTargetError] = useState(false);
  const listId = useId();

  // Suggest merge targets as the name is typed; the list is folded like the store folds (case, accents).
  useEffect(() => {
    if (mode !== 'merging') return;
    let current = true;
    call('terms:list', { kind, query: target, limit: 20 })
      .then((list) => current && setCandidates(list.filter((c) => c.id !== term.id)))
      .catch(() => current && setCandidates([]));
    return () => {
      current = false;
    };
  }, [mode, kind, target, term.id]);

  async function merge(): Promise<void> {
    const into = candidates.find((c) => foldText(c.name) === foldText(target));
    setTargetError(!into);
    if (into && (await onMerge(into))) setMode('idle');
  }

  const chosen = candidates.find((c) => foldText(c.name) === foldText(target));
  return (
    <li>
      <span className="term-name">{term.name}</span> <span className="term-slug">{term.slug}</span>
      {mode === 'idle' && (
        <>
          <button
            type="button"
            aria-label={t('termLists.rename', { name: term.name })}
            onClick={() => setMode('renaming')}
          >
            {t('termLists.renameButton')}
          </button>
          <button type="button" onClick={() => (setTarget(''), setMode('merging'))}>
            {t('termLists.mergeInto', { name: term.name })}
          </button>
        </>
      )}
      {mode === 'renaming' && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void onRename(name).then((ok) => ok && setMode('idle'));
          }}
        >
          <input
            aria-label={t('termLists.newName', { name: term.name })}
            value={name}
            onChange={(e) => setName(e.target.value)}
            autoFocus
          />
          <button type="submit" disabled={!name.trim() || name.trim() === term.name}>
            {t('termLists.saveName')}
          </button>
          <button type="button" onClick={() => (setName(term.name), setMode('idle'))}>
            {t('termLists.cancel')}
          </button>
        </form>
      )}
      {mode === 'merging' && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void merge();
          }}
        >
          <input
            aria-label={t('termLists.mergeTarget', { name: term.name })}
            list={listId}
            value={target}
            onChange={(e) => (setTargetError(false), setTarget(e.target.value))}
            autoFocus
          />
          <datalist id={listId}>
            {candidates.map((c) => (
              <option key={c.id} value={c.name} />
            ))}
          </datalist>
          {chosen && <p>{t('termLists.mergeExplain', { from: term.name, into: chosen.name })}</p>}
          {targetError && <p role="alert">{t('termLists.noTarget')}</p>}
          <button type="submit" disabled={!target.trim()}>
            {t('termLists.mergeConfirm')}
          </button>
          <button type="button" onClick={() => setMode('idle')}>
            {t('termLists.cancel')}
          </button>
        </form>
      )}
    </li>
  );
}
