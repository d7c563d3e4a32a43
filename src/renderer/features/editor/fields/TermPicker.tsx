import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Term, TermKind } from '../../../../shared/domain/term';
import { foldText } from '../../../../shared/text/fold';
import { call } from '../../../bridge';
import { termKey, useEditorStore } from '../editorStore';

interface TermPickerProps {
  kind: TermKind;
  label: string;
  /** The chosen ids, in order. */
  value: readonly number[];
  /** Only one may be chosen (a section). */
  single?: boolean;
  /** Changes the chosen ids from their latest state (choices can land after the next keystroke). */
  update(change: (ids: readonly number[]) => number[]): void;
}

type Option = { kind: 'term'; term: Term } | { kind: 'create'; name: string };

/**
 * A combobox over one of the local lists (authors, sections, tags): completes from what was typed (case,
 * accents and Arabic spellings folded, as main's list does), and creates a new entry on the fly; main never
 * makes two that differ only by case or accents, it hands back the existing one.
 */
export function TermPicker({ kind, label, value, single, update }: TermPickerProps) {
  const { t } = useTranslation();
  const id = useId();
  const terms = useEditorStore((s) => s.terms);
  const rememberTerm = useEditorStore((s) => s.rememberTerm);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [found, setFound] = useState<{ query: string; terms: Term[] }>({ query: '', terms: [] });
  const [active, setActive] = useState(0);
  const request = useRef(0);
  const closing = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const reopen = (): void => {
    clearTimeout(closing.current);
    setOpen(true);
  };

  useEffect(() => {
    if (!open) return;
    const ticket = ++request.current;
    const timer = setTimeout(() => {
      call('terms:list', { kind, query, limit: 8 })
        .then((list) => {
          if (ticket === request.current) setFound({ query, terms: list });
        })
        .catch(() => setFound({ query, terms: [] }));
    }, 80);
    return () => clearTimeout(timer);
  }, [kind, query, open]);

  const chosen = value.map((v) => terms[termKey(kind, v)] ?? { id: v, name: `#${v}`, slug: '' });
  const optionsFor = (text: string, list: readonly Term[]): Option[] => {
    const folded = foldText(text);
    const out: Option[] = list
      .filter((term) => !value.includes(term.id))
      .map((term) => ({ kind: 'term', term }));
    if (folded && !list.some((term) => foldText(term.name) === folded))
      out.push({ kind: 'create', name: text.replace(/\s+/g, ' ').trim() });
    return out;
  };
  const options = optionsFor(query, found.terms);

  async function choose(option: Option | undefined, typed = query): Promise<void> {
    if (!option) return;
    const term =
      option.kind === 'term' ? option.term : await call('terms:create', { kind, name: option.name });
    rememberTerm(kind, term);
    update((ids) => (ids.includes(term.id) ? [...ids] : single ? [term.id] : [...ids, term.id]));
    // Only clear what was chosen: the writer may already be typing the next name.
    setQuery((current) => (current === typed ? '' : current));
    setActive(0);
    setOpen(false);
  }

  /** Enter: the highlighted suggestion, from suggestions for exactly what was typed (asked for if late). */
  async function chooseTyped(): Promise<void> {
    if (found.query === query) return choose(options[active]);
    const typed = query;
    const list = await call('terms:list', { kind, query: typed, limit: 8 }).catch((): Term[] => []);
    const exact = list.find((term) => foldText(term.name) === foldText(typed));
    return choose(exact ? { kind: 'term', term: exact } : optionsFor(typed, list)[0], typed);
  }

  const listId = `${id}-list`;
  const optionId = (i: number): string => `${id}-option-${i}`;
  return (
    <div className="field term-picker">
      <label className="field-label" htmlFor={`${id}-input`}>
        {label}
      </label>
      {chosen.length > 0 && (
        <ul className="chips" aria-label={t('terms.selected', { label })}>
          {chosen.map((term) => (
            <li key={term.id} className="chip" dir="auto">
              {term.name}
              <button
                type="button"
                className="chip-remove"
                aria-label={t('terms.remove', { name: term.name })}
                onClick={() => update((ids) => ids.filter((v) => v !== term.id))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        id={`${id}-input`}
        className="text-input"
        type="text"
        role="combobox"
        dir="auto"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open && options.length > 0}
        aria-controls={listId}
        aria-activedescendant={open && options[active] ? optionId(active) : undefined}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          reopen();
        }}
        onFocus={reopen}
        // Late enough for a click on a suggestion to land first.
        onBlur={() => (closing.current = setTimeout(() => setOpen(false), 150))}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setOpen(true);
            setActive((a) => Math.min(a + 1, Math.max(options.length - 1, 0)));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            void chooseTyped();
          } else if (e.key === 'Escape') {
            setOpen(false);
          } else if (e.key === 'Backspace' && query === '' && value.length > 0 && !single) {
            update((ids) => ids.slice(0, -1));
          }
        }}
      />
      {open && options.length > 0 && (
        <ul
          id={listId}
          role="listbox"
          className="term-options"
          aria-label={t('terms.suggestions', { label })}
        >
          {options.map((option, i) => (
            <li
              key={option.kind === 'term' ? option.term.id : 'create'}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              dir="auto"
              className={i === active ? 'is-active' : undefined}
              onMouseDown={(e) => {
                e.preventDefault();
                void choose(option);
              }}
            >
              {option.kind === 'term' ? option.term.name : t('terms.create', { name: option.name })}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
