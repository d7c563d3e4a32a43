import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TERM_KINDS, type Term, type TermKind } from '../../../shared/domain/term';
import { call, subscribe } from '../../bridge';
import { formatCount } from '../../i18n/i18n';
import { ModalDialog } from '../../ui/ModalDialog';
import { TermRow } from './TermRow';
import './terms.css';

/** How many names the dialog lists at once: the filter finds the rest (a daily has tens of thousands of tags). */
const SHOWN = 100;

/** The sections, tags and authors dialog: find a name, rename it, or merge it into another. */
export function TermsPanel() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<TermKind>('tags');
  const [filter, setFilter] = useState('');
  const [terms, setTerms] = useState<Term[]>([]);
  const [notice, setNotice] = useState<{ text: string; error: boolean }>();
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (!open) return;
    let current = true;
    call('terms:list', { kind, query: filter, limit: SHOWN })
      .then((list) => current && setTerms(list))
      .catch(
        (e: Error) =>
          current && setNotice({ text: t('termLists.failed', { message: e.message }), error: true }),
      );
    return () => {
      current = false;
    };
  }, [open, kind, filter, generation, t]);

  // A merge or rename of a frequent tag goes through tens of thousands of articles, in steps: say how far.
  useEffect(
    () =>
      subscribe('terms:mergeProgress', ({ action, done, total }) => {
        if (done < total)
          setNotice({
            text: t(action === 'rename' ? 'termLists.renaming' : 'termLists.merging', {
              done: formatCount(done),
              total: formatCount(total),
            }),
            error: false,
          });
      }),
    [t],
  );

  /** Runs a change, says what it did (or why not), and lists the names again. */
  async function change(action: () => Promise<string>): Promise<boolean> {
    try {
      setNotice({ text: await action(), error: false });
      setGeneration((g) => g + 1);
      return true;
    } catch (e) {
      setNotice({ text: t('termLists.failed', { message: (e as Error).message }), error: true });
      return false;
    }
  }

  return (
    <ModalDialog
      opener={t('termLists.open')}
      label={t('termLists.dialog')}
      open={open}
      onOpen={() => (setNotice(undefined), setOpen(true))}
      onClose={() => setOpen(false)}
      className="terms-dialog"
    >
      <div className="terms-controls">
        <label>
          {t('termLists.kind')}
          <select value={kind} onChange={(e) => setKind(e.target.value as TermKind)}>
            {TERM_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`termLists.kinds.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('termLists.filter')}
          <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
        </label>
      </div>
      {notice && <p role={notice.error ? 'alert' : 'status'}>{notice.text}</p>}
      {terms.length === 0 && <p>{t('termLists.none')}</p>}
      <ul className="terms-list" aria-label={t(`termLists.kinds.${kind}`)}>
        {terms.map((term) => (
          <TermRow
            key={`${kind}-${term.id}`}
            kind={kind}
            term={term}
            onRename={(name) =>
              change(async () => {
                const renamed = await call('terms:rename', { kind, id: term.id, name });
                return t('termLists.renamed', { from: term.name, to: renamed.name });
              })
            }
            onMerge={(into) =>
              change(async () => {
                const { moved } = await call('terms:merge', { kind, fromId: term.id, intoId: into.id });
                return t('termLists.merged', { from: term.name, into: into.name, count: moved });
              })
            }
          />
        ))}
      </ul>
      <button type="button" onClick={() => setOpen(false)}>
        {t('termLists.close')}
      </button>
    </ModalDialog>
  );
}
