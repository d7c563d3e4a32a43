import { useTranslation } from 'react-i18next';
import { formatTime } from '../../i18n/i18n';
import { useEditorStore } from './editorStore';

/** Says when unsaved text was found after Redac (or its host) stopped, and put back or offered. */
export function RecoveryBanner() {
  const { t } = useTranslation();
  const recovery = useEditorStore((s) => s.recovery);
  const restore = useEditorStore((s) => s.restoreRecovered);
  const dismiss = useEditorStore((s) => s.dismissRecovery);
  if (!recovery) return null;
  const time = formatTime(recovery.at);
  return (
    <div role="alert" className="recovery-banner">
      {recovery.kind === 'restored'
        ? t('recovery.restored', { time })
        : t(recovery.partial ? 'recovery.partial' : 'recovery.offered', { time })}{' '}
      {recovery.kind === 'offered' && (
        <button type="button" onClick={restore}>
          {t('recovery.restore')}
        </button>
      )}{' '}
      <button type="button" onClick={dismiss}>
        {t('recovery.dismiss')}
      </button>
    </div>
  );
}
