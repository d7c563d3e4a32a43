import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Profile, type Role } from '../../../shared/domain/people';
import type { Site } from '../../../shared/domain/site';
import { call } from '../../bridge';
import { initialsOf } from './initials';
import { useProfileStore } from './profileStore';

const DEFAULT_COLOUR = '#1f6feb';

/** Name, initials, colour and role: the first-run screen and Settings both use it. */
export function ProfileForm({ onSaved }: { onSaved?: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const current = useProfileStore((s) => s.profile);
  const error = useProfileStore((s) => s.error);
  const save = useProfileStore((s) => s.save);
  const [name, setName] = useState(current?.name ?? '');
  const [initials, setInitials] = useState(current?.initials ?? '');
  const [initialsTouched, setInitialsTouched] = useState(current !== null);
  const [colour, setColour] = useState(current?.colour ?? DEFAULT_COLOUR);
  const [role, setRole] = useState<Role>(current?.role ?? 'reporter');
  const [sites, setSites] = useState<Site[]>([]);
  const [siteMessage, setSiteMessage] = useState<string | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  const [newPerson, setNewPerson] = useState(false);

  useEffect(() => {
    call('sites:list', {})
      .then(({ sites }) => setSites(sites))
      .catch(() => setSites([]));
  }, []);

  function changeName(next: string): void {
    setName(next);
    if (!initialsTouched) setInitials(initialsOf(next).slice(0, 4));
  }

  async function nameFromSite(): Promise<void> {
    const site = sites[0];
    if (!site) return setSiteMessage(t('workflow.profile.fromSiteNone'));
    try {
      const user = await call('sites:test', { id: site.id });
      setSiteMessage(undefined);
      changeName(user.name);
    } catch (e) {
      setSiteMessage(t('workflow.profile.fromSiteFailed', { message: (e as Error).message }));
    }
  }

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    const input: Omit<Profile, 'id'> & { newPerson: boolean } = {
      name: name.trim(),
      initials: (initials.trim() || initialsOf(name)).slice(0, 4),
      colour,
      role,
      newPerson,
    };
    setNotice(undefined);
    if (await save(input)) {
      setNewPerson(false);
      setNotice(t('workflow.profile.saved'));
      onSaved?.();
    }
  }

  return (
    <form className="profile-form" onSubmit={(e) => void submit(e)}>
      <label htmlFor={`${id}-name`}>{t('workflow.profile.name')}</label>
      <div className="profile-name-row">
        <input
          id={`${id}-name`}
          required
          maxLength={200}
          value={name}
          autoComplete="name"
          onChange={(e) => changeName(e.target.value)}
        />
        {sites.length > 0 && (
          <button type="button" onClick={() => void nameFromSite()}>
            {t('workflow.profile.fromSite')}
          </button>
        )}
      </div>
      {siteMessage && <p role="alert">{siteMessage}</p>}
      <label htmlFor={`${id}-initials`}>{t('workflow.profile.initials')}</label>
      <input
        id={`${id}-initials`}
        required
        maxLength={4}
        value={initials}
        onChange={(e) => {
          setInitialsTouched(true);
          setInitials(e.target.value);
        }}
      />
      <label htmlFor={`${id}-colour`}>{t('workflow.profile.colour')}</label>
      <input id={`${id}-colour`} type="color" value={colour} onChange={(e) => setColour(e.target.value)} />
      <label htmlFor={`${id}-role`}>{t('workflow.profile.role')}</label>
      <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value as Role)}>
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {t(`workflow.roles.${r}`)}
          </option>
        ))}
      </select>
      {current && (
        <label className="profile-new-person">
          <input type="checkbox" checked={newPerson} onChange={(e) => setNewPerson(e.target.checked)} />
          {t('workflow.profile.newPerson', { name: current.name })}
        </label>
      )}
      {error && <p role="alert">{t('workflow.profile.saveFailed', { message: error })}</p>}
      {notice && <p className="profile-notice">{notice}</p>}
      <button type="submit" className="primary">
        {t('workflow.profile.save')}
      </button>
    </form>
  );
}
