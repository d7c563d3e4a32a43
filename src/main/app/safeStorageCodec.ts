import { safeStorage } from 'electron';
import type { SecretCodec } from '../publishing/credentialStore';

/**
 * Site passwords encrypted by the OS keyring through safeStorage. On Linux without a keyring Electron falls
 * back to a fixed key ('basic_text'): still better than clear text, but not protected, so the user is told.
 */
export function safeStorageCodec(): SecretCodec {
  const available = safeStorage.isEncryptionAvailable();
  const backend = process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : 'os';
  const weak = !available || backend === 'basic_text' || backend === 'unknown';
  return {
    kind: 'safeStorage',
    warning: weak
      ? 'No system keyring was found: site passwords are stored in a file only your account can read, but not encrypted by the system.'
      : undefined,
    encode: (secret) =>
      available ? `enc:${safeStorage.encryptString(secret).toString('base64')}` : `plain:${secret}`,
    decode(stored) {
      try {
        if (stored.startsWith('enc:'))
          return safeStorage.decryptString(Buffer.from(stored.slice(4), 'base64'));
        if (stored.startsWith('plain:')) return stored.slice(6);
        return undefined;
      } catch {
        return undefined;
      }
    },
  };
}
