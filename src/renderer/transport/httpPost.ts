import type { IpcErrorBody, Result } from '../../shared/ipc/result';

function failure(code: IpcErrorBody['code'], message: string): Result<never> {
  return { ok: false, error: { code, message } };
}

/** POSTs one call's input (already JSON) to the web host and reads its result. Runs in a page or a worker. */
export async function postJson(channel: string, body: string): Promise<Result<unknown>> {
  let response: Response;
  try {
    response = await fetch(`/ipc/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      credentials: 'same-origin',
    });
  } catch {
    return failure('unavailable', 'Redac’s service is not reachable. Is `npm run serve` still running?');
  }
  if (response.status === 401)
    return failure(
      'forbidden',
      'This page’s key has expired: open the address Redac printed when it started.',
    );
  try {
    return (await response.json()) as Result<unknown>;
  } catch {
    return failure('unavailable', `Redac’s service answered ${response.status} without a result.`);
  }
}
