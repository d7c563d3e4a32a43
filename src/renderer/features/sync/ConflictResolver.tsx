import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConflictChoice, ConflictView, Side } from '../../../shared/domain/conflict';
import { call } from '../../bridge';
import { useSyncStore } from './syncStore';

/**
 * The two copies side by side, a word diff of the body, and a choice of side per field. The other copy is the
 * post on a site (siteId), or without one the review package held for the article.
 */
export function ConflictResolver({
  articleId,
  siteId,
  onDone,
}: {
  articleId: string;
  siteId?: string | undefined;
  onDone(): void;
}) {
  const { t } = useTranslation();
  const [view, setView] = useState<ConflictView | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [take, setTake] = useState<ConflictChoice>({
    headline: 'local',
    standfirst: 'local',
    body: 'local',
    section: 'local',
    tags: 'local',
    slug: 'local',
  });

  useEffect(() => {
    (siteId ? call('sync:conflict', { articleId, siteId }) : call('review:packageConflict', { articleId }))
      .then(setView)
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [articleId, siteId]);

  async function apply(): Promise<void> {
    try {
      if (siteId) {
        await call('sync:resolve', { articleId, siteId, take });
        await useSyncStore.getState().load(articleId);
      } else {
        await call('review:resolvePackage', { articleId, take });
      }
      onDone();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  if (error) return <p role="alert">{error}</p>;
  if (!view) return <p>{t('app.loading')}</p>;
  // The words that name the other copy: the site's, or a review package's.
  const pkg = view.source === 'package';
  const heading = pkg ? t('travel.conflict.heading') : t('sync.conflict.heading');
  return (
    <section className="conflict" aria-label={heading}>
      <h4>{heading}</h4>
      <p>
        {pkg
          ? t('travel.conflict.explain', { when: view.remoteModifiedGmt })
          : t('sync.conflict.explain', { when: view.remoteModifiedGmt })}
      </p>
      <table className="conflict-table">
        <thead>
          <tr>
            <th scope="col">{t('sync.conflict.field')}</th>
            <th scope="col">{t('sync.conflict.local')}</th>
            <th scope="col">{pkg ? t('travel.conflict.remote') : t('sync.conflict.remote')}</th>
            <th scope="col">{t('sync.conflict.keep')}</th>
          </tr>
        </thead>
        <tbody>
          {view.fields.map((f) => (
            <tr key={f.field}>
              <th scope="row">{t(`sync.conflict.fields.${f.field}`)}</th>
              <td dir="auto">{f.local || t('sync.conflict.none')}</td>
              <td dir="auto">{f.remote || t('sync.conflict.none')}</td>
              <td>
                <fieldset>
                  <legend>
                    {t('sync.conflict.keepFor', { field: t(`sync.conflict.fields.${f.field}`) })}
                  </legend>
                  {(['local', 'remote'] as Side[]).map((side) => (
                    <label key={side}>
                      <input
                        type="radio"
                        name={`take-${f.field}`}
                        checked={take[f.field] === side}
                        onChange={() => setTake({ ...take, [f.field]: side })}
                      />
                      {side === 'remote' && pkg ? t('travel.conflict.remote') : t(`sync.conflict.${side}`)}
                    </label>
                  ))}
                </fieldset>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h5>{pkg ? t('travel.conflict.bodyDiff') : t('sync.conflict.bodyDiff')}</h5>
      <p
        className="conflict-diff"
        dir="auto"
        aria-label={pkg ? t('travel.conflict.bodyDiff') : t('sync.conflict.bodyDiff')}
      >
        {view.bodyDiff.map((part, i) =>
          part.kind === 'same' ? (
            <span key={i}>{part.text}</span>
          ) : part.kind === 'removed' ? (
            <del key={i} title={t('sync.conflict.onlyLocal')}>
              {part.text}
            </del>
          ) : (
            <ins key={i} title={pkg ? t('travel.conflict.onlyRemote') : t('sync.conflict.onlyRemote')}>
              {part.text}
            </ins>
          ),
        )}
      </p>
      <button type="button" className="primary" onClick={() => void apply()}>
        {pkg ? t('travel.conflict.apply') : t('sync.conflict.apply')}
      </button>
    </section>
  );
}
