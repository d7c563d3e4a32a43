import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { whenTypingPauses } from '../../editor/typingPause';
import type { OutboxItem, Publication, SyncAction } from '../../../shared/domain/publication';
import { subscribe } from '../../bridge';
import { formatDateTime } from '../../i18n/i18n';
import { instantOfWallTime, zoneLabel, type SiteZone } from '../../../shared/time/zonedTime';
import { useEditorStore } from '../editor/editorStore';
import { prePublishChecks, type CheckFinding } from '../../../shared/publishing/prePublishChecks';
import { goesLive, REVIEW_FINDINGS } from '../../../shared/publishing/reviewFindings';
import { useCommentsStore } from '../comments/commentsStore';
import { ConflictResolver } from './ConflictResolver';
import { useSyncStore } from './syncStore';
import './sync.css';

const ACTIONS: readonly SyncAction[] = [
  'review',
  'draft',
  'pending',
  'publish',
  'update',
  'unpublish',
  'trash',
];

function SiteRow({
  publication,
  blocked,
  blockedForReview,
  acceptWarnings,
}: {
  publication: Publication;
  /** The checklist holds back a push readers would see. */
  blocked: boolean;
  /** It holds back even a draft or a post pending review (open comments and suggestions do not). */
  blockedForReview: boolean;
  acceptWarnings: boolean;
}) {
  const { t, i18n } = useTranslation();
  const enqueue = useSyncStore((s) => s.enqueue);
  const [when, setWhen] = useState('');
  const [resolving, setResolving] = useState(false);
  const dateId = useId();
  const onSite = publication.remoteId !== null && publication.state !== 'not_on_site';
  const zone = publication.timeZone;
  // Typed in the site's zone when it is known (the site's clock is the one readers live by), else this computer's.
  const scheduleInstant = (): number => (zone ? instantOfWallTime(zone, when) : new Date(when).getTime());
  return (
    <li className="sync-site">
      <div className="sync-site-head">
        <strong>{publication.siteName}</strong>
        <span className={`sync-state sync-state-${publication.state}`}>
          {t(`sync.state.${publication.state}`)}
        </span>
      </div>
      {publication.scheduledAt !== null && (
        <p className="sync-scheduled">
          {zone
            ? t('sync.scheduledForZone', {
                when: formatInZone(publication.scheduledAt, zone, i18n.language || 'en'),
                zone: zoneLabel(zone),
              })
            : t('sync.scheduledFor', { when: formatDateTime(publication.scheduledAt) })}
        </p>
      )}
      {publication.message && (
        <p role={publication.state === 'failed' || publication.state === 'conflict' ? 'alert' : 'note'}>
          {publication.message}
        </p>
      )}
      {publication.state === 'conflict' &&
        (resolving ? (
          <ConflictResolver
            articleId={publication.articleId}
            siteId={publication.siteId}
            onDone={() => setResolving(false)}
          />
        ) : (
          <button type="button" onClick={() => setResolving(true)}>
            {t('sync.conflict.open')}
          </button>
        ))}
      <div
        role="group"
        aria-label={t('sync.actionsOn', { site: publication.siteName })}
        className="sync-actions"
      >
        {ACTIONS.filter((a) => onSite || (a !== 'update' && a !== 'unpublish' && a !== 'trash')).map(
          (action) => (
            <button
              key={action}
              type="button"
              disabled={
                action !== 'unpublish' &&
                action !== 'trash' &&
                (goesLive(action, publication.remoteStatus) ? blocked : blockedForReview)
              }
              onClick={() => void enqueue(publication.siteId, action, undefined, acceptWarnings)}
            >
              {t(`sync.action.${action}`)}
            </button>
          ),
        )}
        <label htmlFor={dateId}>
          {zone ? t('sync.scheduleAtZone', { zone: zoneLabel(zone) }) : t('sync.scheduleAtLocal')}
        </label>
        <input id={dateId} type="datetime-local" value={when} onChange={(e) => setWhen(e.target.value)} />
        <button
          type="button"
          disabled={when === '' || blocked}
          onClick={() => void enqueue(publication.siteId, 'schedule', scheduleInstant(), acceptWarnings)}
        >
          {t('sync.action.schedule')}
        </button>
      </div>
    </li>
  );
}

/** A time as the site's readers see it: in the site's zone (a fixed offset when it names none). */
function formatInZone(epochMs: number, zone: SiteZone, locale: string): string {
  if (zone.name)
    return new Intl.DateTimeFormat(locale, {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: zone.name,
    }).format(epochMs);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(
    epochMs + zone.gmtOffset * 3600_000,
  );
}

function Operation({ item }: { item: OutboxItem }) {
  const { t } = useTranslation();
  const retry = useSyncStore((s) => s.retry);
  const cancel = useSyncStore((s) => s.cancel);
  const label = t(`sync.action.${item.action}`, { defaultValue: item.action });
  const stuck = item.status === 'failed' || item.status === 'conflict' || item.status === 'pending';
  return (
    <li className={`sync-op sync-op-${item.status}`}>
      <span>{label}</span> <span>{t(`sync.status.${item.status}`)}</span>
      {item.attempts > 1 && <span> {t('sync.attempts', { count: item.attempts })}</span>}
      {item.status === 'pending' && item.lastError && (
        <span> {t('sync.nextTry', { when: formatDateTime(item.nextTryAt) })}</span>
      )}
      {item.lastError && <p className="sync-op-error">{item.lastError}</p>}
      {stuck && (
        <span className="sync-op-buttons">
          <button type="button" onClick={() => void retry(item.id)}>
            {t('sync.retry', { what: label })}
          </button>
          <button type="button" onClick={() => void cancel(item.id)}>
            {t('sync.cancel', { what: label })}
          </button>
        </span>
      )}
    </li>
  );
}

/** The checklist before any push: errors block it, warnings are accepted with one click. */
function Checklist({
  findings,
  accepted,
  onAccept,
}: {
  findings: CheckFinding[];
  accepted: boolean;
  onAccept(): void;
}) {
  const { t } = useTranslation();
  const hasErrors = findings.some((f) => f.level === 'error');
  return (
    <section aria-labelledby="checks-heading" className="sync-checks">
      <h3 id="checks-heading">{t('checks.heading')}</h3>
      {findings.length === 0 ? (
        <p>{t('checks.allClear')}</p>
      ) : (
        <ul>
          {findings.map((f) => (
            <li key={f.code} className={`check-${f.level}`}>
              <strong>{t(`checks.level.${f.level}`)}</strong>{' '}
              {t(`checks.code.${f.code}`, { detail: f.detail ?? '' })}
            </li>
          ))}
        </ul>
      )}
      {hasErrors && <p role="alert">{t('checks.blocked')}</p>}
      {!hasErrors && findings.length > 0 && (
        <button type="button" aria-pressed={accepted} disabled={accepted} onClick={onAccept}>
          {accepted ? t('checks.accepted') : t('checks.accept')}
        </button>
      )}
    </section>
  );
}

/** Publishing the open article: its state on every site, the operations to send, and the outbox's progress. */
export function SyncPanel() {
  const { t } = useTranslation();
  const articleId = useEditorStore((s) => s.article?.id);
  const { publications, operations, overview, error, load, refresh, checking } = useSyncStore();
  const article = useEditorStore((s) => s.article);
  const unresolvedComments = useCommentsStore((s) => s.threads.filter((th) => !th.resolved).length);
  const findings = article ? prePublishChecks(article, { unresolvedComments }) : [];
  const blocked = findings.some((f) => f.level === 'error');
  const blockedForReview = findings.some((f) => f.level === 'error' && !REVIEW_FINDINGS.has(f.code));
  // Accepting covers the warnings of the revision that was seen: a new revision asks again.
  const seen = `${articleId ?? ''}:${article?.revision ?? 0}`;
  const [acceptedFor, setAcceptedFor] = useState<string | undefined>();
  const accepted = acceptedFor === seen;

  useEffect(() => {
    void load(articleId).then(() => {
      if (articleId) void useSyncStore.getState().refresh(articleId);
    });
    void useCommentsStore.getState().load(articleId);
    const reload = (): void => void useSyncStore.getState().load(articleId);
    // A save here can turn "live" into "changed since pushed".
    const offArticles = subscribe(
      'articles:changed',
      ({ id }) =>
        id === articleId &&
        whenTypingPauses('sync-panel', () => {
          if (useEditorStore.getState().article?.id === articleId) reload();
        }),
    );
    const offSync = subscribe('sync:changed', reload);
    return () => {
      offArticles();
      offSync();
    };
  }, [articleId, load]);

  const counts = overview?.counts ?? {};
  const finished = (counts.done ?? 0) + (counts.cancelled ?? 0);
  const total = finished + (overview?.items.length ?? 0);
  return (
    <section className="sync-panel" aria-labelledby="sync-heading">
      <h2 id="sync-heading">{t('sync.heading')}</h2>
      {error && <p role="alert">{error}</p>}
      {article && <Checklist findings={findings} accepted={accepted} onAccept={() => setAcceptedFor(seen)} />}
      {articleId &&
        (publications.length === 0 ? (
          <p>{t('sync.noSites')}</p>
        ) : (
          <>
            <ul className="sync-sites" aria-label={t('sync.sitesList')}>
              {publications.map((p) => (
                <SiteRow
                  key={p.siteId}
                  publication={p}
                  blocked={blocked}
                  blockedForReview={blockedForReview}
                  acceptWarnings={accepted}
                />
              ))}
            </ul>
            <button type="button" disabled={checking} onClick={() => void refresh(articleId)}>
              {checking ? t('sync.checking') : t('sync.checkSites')}
            </button>
          </>
        ))}
      <h3>{t('sync.queue')}</h3>
      <progress aria-label={t('sync.progress')} max={Math.max(total, 1)} value={finished} />
      <p>{t('sync.counts', { waiting: overview?.items.length ?? 0, done: counts.done ?? 0 })}</p>
      {operations.length > 0 && (
        <ul className="sync-ops" aria-label={t('sync.operations')}>
          {operations.map((item) => (
            <Operation key={item.id} item={item} />
          ))}
        </ul>
      )}
    </section>
  );
}
