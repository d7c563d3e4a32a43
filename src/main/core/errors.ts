import type { ErrorCode } from '../../shared/ipc/result';

/**
 * An error a service raises on purpose, with a code the UI can act on and a message a person can read.
 * Anything else thrown is a bug and reaches the UI only as 'internal'.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string): AppError => new AppError('not_found', `${what} was not found.`);
