import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { BackupFile } from '../../../shared/domain/recovery';
import { formatDateTime } from '../../i18n/i18n';

/** A backup's restore button: a copy taken before an upgrade says so, and which format it holds. */
export const restoreLabel = (t: TFunction, b: BackupFile): string =>
  b.beforeUpgradeFrom === undefined
    ? t('storeRecovery.restore', { when: formatDateTime(b.createdAt) })
    : t('storeRecovery.restoreBeforeUpgrade', {
        when: formatDateTime(b.createdAt),
        schema: b.beforeUpgradeFrom,
      });

/**
 * The backups a start-up screen offers to restore, newest first; a copy taken before an upgrade says so (and
 * which format it holds: restoring it upgrades it again).
 */
export function RestoreChoices({
  backups,
  disabled,
  onRestore,
}: {
  backups: BackupFile[];
  disabled: boolean;
  onRestore: (name: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <h2>{t('storeRecovery.backups')}</h2>
      {backups.length === 0 && <p>{t('storeRecovery.noBackups')}</p>}
      <ul>
        {backups.map((b) => (
          <li key={b.name}>
            <button type="button" disabled={disabled} onClick={() => onRestore(b.name)}>
              {restoreLabel(t, b)}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
