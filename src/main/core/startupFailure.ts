import { DatabaseTooNewError } from '../db/migrate';
import { DatabaseCorruptError } from '../db/open';

/** One clear paragraph for a store that cannot be opened, instead of a stack trace. */
export function describeStartupFailure(error: unknown, dataDir: string): string {
  if (error instanceof DatabaseTooNewError || error instanceof DatabaseCorruptError) {
    return `Redac cannot open its article store: ${error.message}\nData folder: ${dataDir}`;
  }
  const message = error instanceof Error ? error.message : String(error);
  return `Redac could not start with the data folder ${dataDir}: ${message}`;
}
