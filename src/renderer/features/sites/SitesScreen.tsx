import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../bridge';
import { zoneLabel } from '../../../shared/time/zonedTime';
import { useSitesStore, type TestResult } from './sitesStore';
import './sites.css';

function TestOutcome({ result }: { result: TestResult | undefined }) {
  const { t } = useTranslation();
  if (!result) return null;
  if (result.kind === 'testing') return <p role="status">{t('sites.testing')}</p>;
  if (result.kind === 'failed')
    return (
      <p role="alert" className="sites-error">
        {t('sites.failed', { message: result.message })}
      </p>
    );
  return (
    <div role="status" className="sites-ok">
      <p>{t('sites.connectedAs', { name: result.user.name, roles: result.user.roles.join(', ') })}</p>
      {!result.user.unfilteredHtml && <p>{t('sites.filteredHtml')}</p>}
    </div>
  );
}

/** The WordPress sites: add one by URL, username and Application Password, check who it logs in as. */
export function SitesScreen() {
  const { t } = useTranslation();
  const { sites, credentials, error, tests, refresh, add, remove, check, test } = useSitesStore();
  const [url, setUrl] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const ids = { url: useId(), username: useId(), password: useId() };
  const [pulls, setPulls] = useState<Record<string, string>>({});

  async function pull(siteId: string): Promise<void> {
    setPulls((p) => ({ ...p, [siteId]: t('sites.pulling') }));
    try {
      const r = await call('sync:pull', { siteId, statuses: ['draft', 'pending', 'future', 'publish'] });
      const said = r.problems.length
        ? t('sites.pulledWithProblems', { ...r, problems: r.problems.join(' ') })
        : t('sites.pulled', r);
      setPulls((p) => ({ ...p, [siteId]: said }));
    } catch (error) {
      setPulls((p) => ({ ...p, [siteId]: (error as Error).message }));
    }
  }

  useEffect(() => {
    void refresh();
  }, [refresh]);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (await add({ url, username, password })) {
      setUrl('');
      setUsername('');
      setPassword('');
    }
  }

  const input = { url, username, password };
  const complete = url.trim() !== '' && username.trim() !== '' && password !== '';
  return (
    <section className="sites-screen" aria-labelledby="sites-heading">
      <h2 id="sites-heading">{t('sites.heading')}</h2>
      <p>{t('sites.intro')}</p>
      {credentials && <p className="sites-note">{t(`sites.storedIn.${credentials.kind}`)}</p>}
      {credentials?.warning && (
        <p role="alert" className="sites-warning">
          {t('sites.keyringWarning', { message: credentials.warning })}
        </p>
      )}
      {error && (
        <p role="alert" className="sites-error">
          {error}
        </p>
      )}
      {sites.length === 0 ? (
        <p>{t('sites.none')}</p>
      ) : (
        <ul className="sites-list">
          {sites.map((site) => (
            <li key={site.id}>
              <div className="sites-item-head">
                <strong>{site.url}</strong> <span>{site.username}</span>
                <button type="button" onClick={() => void test(site.id)}>
                  {t('sites.testOne', { site: site.name })}
                </button>
                <button type="button" onClick={() => void pull(site.id)}>
                  {t('sites.pull', { site: site.name })}
                </button>
                <button type="button" onClick={() => void remove(site.id)}>
                  {t('sites.remove', { site: site.name })}
                </button>
              </div>
              {!site.hasPassword && <p role="alert">{t('sites.passwordMissing')}</p>}
              {site.timeZone && <p>{t('sites.timeZone', { zone: zoneLabel(site.timeZone) })}</p>}
              <TestOutcome result={tests[site.id]} />
              {pulls[site.id] && <p role="status">{pulls[site.id]}</p>}
            </li>
          ))}
        </ul>
      )}
      <form className="sites-form" onSubmit={(e) => void submit(e)}>
        <label htmlFor={ids.url}>{t('sites.url')}</label>
        <input
          id={ids.url}
          type="url"
          inputMode="url"
          autoComplete="url"
          placeholder="https://"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
        />
        <label htmlFor={ids.username}>{t('sites.username')}</label>
        <input
          id={ids.username}
          autoComplete="username"
          value={username}
          onChange={(e) => setUsername(e.target.value)}
        />
        <label htmlFor={ids.password}>{t('sites.password')}</label>
        <input
          id={ids.password}
          type="password"
          autoComplete="off"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <div className="sites-actions">
          <button type="button" disabled={!complete} onClick={() => void check(input)}>
            {t('sites.test')}
          </button>
          <button type="submit" className="primary" disabled={!complete}>
            {t('sites.add')}
          </button>
        </div>
        <TestOutcome result={tests['']} />
      </form>
    </section>
  );
}
