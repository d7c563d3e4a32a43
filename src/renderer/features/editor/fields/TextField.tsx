import { useTranslation } from 'react-i18next';
import { countCharacters } from '../../../../shared/text/textStats';

interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  onBlur?(): void;
  multiline?: boolean;
  /** One line even when shown on several (a headline): Enter does not add a line break. */
  singleLine?: boolean;
  rows?: number;
  /** Recommended length (SEO): the counter shows it and a warning appears past it. */
  recommendedMax?: number;
  lang?: string;
  dir?: 'ltr' | 'rtl' | 'auto';
  className?: string;
  placeholder?: string;
  disabled?: boolean;
  onEnter?(): void;
}

/** A labelled text field with its live character count (and a warning past a recommended length). */
export function TextField(props: TextFieldProps) {
  const { t } = useTranslation();
  const count = countCharacters(props.value);
  const over = props.recommendedMax !== undefined && count > props.recommendedMax;
  const describedBy = `${props.id}-count${over ? ` ${props.id}-warning` : ''}`;
  const common = {
    id: props.id,
    className: props.className ?? 'text-input',
    value: props.value,
    lang: props.lang,
    dir: props.dir ?? 'auto',
    spellCheck: true,
    placeholder: props.placeholder,
    disabled: props.disabled,
    'aria-describedby': describedBy,
    'aria-invalid': over || undefined,
    onBlur: props.onBlur,
  };
  return (
    <div className={`field${over ? ' field-over' : ''}`}>
      <label className="field-label" htmlFor={props.id}>
        {props.label}
      </label>
      {props.multiline ? (
        <textarea
          {...common}
          rows={props.rows ?? 2}
          onChange={(e) =>
            props.onChange(props.singleLine ? e.target.value.replace(/\r?\n/g, ' ') : e.target.value)
          }
          onKeyDown={(e) => {
            if (props.singleLine && e.key === 'Enter') {
              e.preventDefault();
              props.onEnter?.();
            }
          }}
        />
      ) : (
        <input {...common} type="text" onChange={(e) => props.onChange(e.target.value)} />
      )}
      <span className="field-count" id={`${props.id}-count`}>
        {props.recommendedMax !== undefined
          ? t('editor.charactersOf', { count, max: props.recommendedMax })
          : t('editor.characters', { count })}
      </span>
      {over && (
        <span className="field-warning" id={`${props.id}-warning`}>
          {t('editor.seoTooLong', { max: props.recommendedMax })}
        </span>
      )}
    </div>
  );
}
