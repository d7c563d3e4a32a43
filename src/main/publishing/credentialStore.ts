import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { CredentialInfo } from '../../shared/domain/site';

/**
 * Where site passwords live: never in SQLite, never in logs. The Electron shell supplies a codec backed by
 * safeStorage (the OS keyring); the web host, which has no keyring, keeps them in a file only the user can read.
 */
export interface CredentialStore {
  info(): CredentialInfo;
  get(siteId: string): string | undefined;
  set(siteId: string, secret: string): void;
  delete(siteId: string): void;
}

/** Turns a secret into what is written to disk and back; identity for the plain 0600 file. */
export interface SecretCodec {
  readonly kind: CredentialInfo['kind'];
  readonly warning?: string | undefined;
  encode(secret: string): string;
  /** undefined when the value cannot be read back (another machine's keyring, a damaged entry). */
  decode(stored: string): string | undefined;
}

export const plainCodec: SecretCodec = {
  kind: 'file',
  encode: (secret) => secret,
  decode: (stored) => stored,
};

/**
 * A JSON map of site id to encoded secret, mode 0600, replaced atomically (write a 0600 temporary file, then
 * rename) so a crash never leaves a half-written file or a moment where it is readable by others.
 */
export function createFileCredentialStore(file: string, codec: SecretCodec = plainCodec): CredentialStore {
  function read(): Record<string, string> {
    if (!existsSync(file)) return {};
    // Tighten a file someone loosened by hand before reading from it.
    chmodSync(file, 0o600);
    try {
      const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
      return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
    } catch {
      return {};
    }
  }
  function write(map: Record<string, string>): void {
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(map), { mode: 0o600 });
    chmodSync(tmp, 0o600);
    renameSync(tmp, file);
  }
  return {
    info: () => (codec.warning ? { kind: codec.kind, warning: codec.warning } : { kind: codec.kind }),
    get(siteId) {
      const stored = read()[siteId];
      return stored === undefined ? undefined : codec.decode(stored);
    },
    set(siteId, secret) {
      write({ ...read(), [siteId]: codec.encode(secret) });
    },
    delete(siteId) {
      const map = read();
      if (!(siteId in map)) return;
      delete map[siteId];
      write(map);
    },
  };
}
