import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ProfileForm } from './ProfileForm';
import { useProfileStore } from './profileStore';
import './profile.css';

/**
 * The workspace opens once the desk knows who uses it: until a profile is saved, the first-run screen is all
 * there is (every workflow action is recorded under this person).
 */
export function ProfileGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const loaded = useProfileStore((s) => s.loaded);
  const hasProfile = useProfileStore((s) => s.profile !== null);
  const error = useProfileStore((s) => s.error);
  const load = useProfileStore((s) => s.load);

  useEffect(() => void load(), [load]);

  if (!loaded) return null;
  if (hasProfile) return <>{children}</>;
  return (
    <main className="profile-first-run" aria-labelledby="first-run-heading">
      <h1 id="first-run-heading">{t('workflow.profile.firstRunHeading')}</h1>
      <p>{t('workflow.profile.firstRunIntro')}</p>
      {error && !hasProfile && <p role="alert">{error}</p>}
      <ProfileForm />
    </main>
  );
}
