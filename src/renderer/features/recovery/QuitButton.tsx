import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../bridge';

/**
 * Quits Redac from a start-up screen (the desktop app closes; the loopback host stops, so the page says it can
 * be closed). Nothing is written: the store stays as it was.
 */
export function QuitButton({ disabled = false }: { disabled?: boolean }) {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'quitting' | 'quit'>('idle');
  const [error, setError] = useState<string>();
  if (state === 'quit') return <p role="status">{t('upgrade.quit.done')}</p>;
  return (
    <>
      {error && <p role="alert">{t('storeRecovery.failed', { message: error })}</p>}
      <button
        type="button"
        disabled={disabled || state === 'quitting'}
        onClick={() => {
          setState('quitting');
          setError(undefined);
          call('app:quit', {}).then(
            () => setState('quit'),
            (e: unknown) => {
              setError((e as Error).message);
              setState('idle');
            },
          );
        }}
      >
        {t('upgrade.quit.button')}
      </button>
    </>
  );
}
