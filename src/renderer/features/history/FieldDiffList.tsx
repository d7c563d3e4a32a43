import { useTranslation } from 'react-i18next';
import type { FieldDiff } from '../../../shared/domain/revision';

/**
 * The changed fields of two revisions, each as two sides with the words removed and added marked: used by
 * History (any two revisions) and by Changes since submitted.
 */
export function FieldDiffList({
  diff,
  beforeLabel,
  afterLabel,
}: {
  diff: FieldDiff[];
  beforeLabel: string;
  afterLabel: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      {diff
        .filter((d) => d.changed)
        .map((d) => (
          <section key={d.field} className="history-field" aria-label={t(`history.fields.${d.field}`)}>
            <h3>{t(`history.fields.${d.field}`)}</h3>
            <div className="history-sides">
              <p dir="auto" aria-label={beforeLabel}>
                {d.runs
                  .filter((run) => run.kind !== 'added')
                  .map((run, i) =>
                    run.kind === 'removed' ? <del key={i}>{run.text}</del> : <span key={i}>{run.text}</span>,
                  )}
              </p>
              <p dir="auto" aria-label={afterLabel}>
                {d.runs
                  .filter((run) => run.kind !== 'removed')
                  .map((run, i) =>
                    run.kind === 'added' ? <ins key={i}>{run.text}</ins> : <span key={i}>{run.text}</span>,
                  )}
              </p>
            </div>
          </section>
        ))}
    </>
  );
}
