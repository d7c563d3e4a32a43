import { z } from 'zod';

/** Every failure the UI may be told about. A code, never a stack trace. */
export const ERROR_CODES = [
  'invalid_input',
  'unknown_channel',
  'forbidden',
  'not_found',
  'conflict',
  'storage',
  'unavailable',
  'internal',
] as const;
export const ErrorCode = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const IpcErrorBody = z.object({
  code: ErrorCode,
  message: z.string(),
  /** Field paths of invalid input, so a form can point at what is wrong. */
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type IpcErrorBody = z.infer<typeof IpcErrorBody>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: IpcErrorBody };
