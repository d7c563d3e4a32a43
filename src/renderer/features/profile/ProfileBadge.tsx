import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ProfileForm } from './ProfileForm';
import { useProfileStore } from './profileStore';

/** Who is at this desk, and the Settings button that changes it. */
export function ProfileBadge() {
  const { t } = useTranslation();
  const profile = useProfileStore((s) => s.profile);
  const open = useProfileStore((s) => s.settingsOpen);
  const openSettings = useProfileStore((s) => s.openSettings);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  if (!profile) return null;
  return (
    <div className="profile-badge">
      <span className="profile-initials" aria-hidden="true" style={{ background: profile.colour }}>
        {profile.initials}
      </span>
      <span className="profile-who">
        {t('workflow.profile.badge', { name: profile.name, role: t(`workflow.roles.${profile.role}`) })}
      </span>
      <button type="button" onClick={() => openSettings(true)}>
        {t('workflow.profile.settings')}
      </button>
      <dialog
        ref={dialog}
        className="profile-settings"
        aria-label={t('workflow.profile.settingsHeading')}
        onClose={() => openSettings(false)}
      >
        <div className="profile-settings-head">
          <h2>{t('workflow.profile.settingsHeading')}</h2>
          <button type="button" onClick={() => openSettings(false)}>
            {t('workflow.profile.closeSettings')}
          </button>
        </div>
        {open && <ProfileForm key={profile.id} />}
      </dialog>
    </div>
  );
}
