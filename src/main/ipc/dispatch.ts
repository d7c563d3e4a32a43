import type { ZodError } from 'zod';
import { channels, channelNames, isChannelName, type ChannelName } from '../../shared/ipc/contract';
import type { IpcErrorBody, Result } from '../../shared/ipc/result';
import { AppError } from '../core/errors';
import type { Handlers } from './handlers';

export type Logger = Pick<Console, 'error' | 'warn' | 'info'>;

function failure(
  code: IpcErrorBody['code'],
  message: string,
  issues?: IpcErrorBody['issues'],
): Result<never> {
  return { ok: false, error: issues ? { code, message, issues } : { code, message } };
}

function describeIssues(error: ZodError): IpcErrorBody['issues'] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

/**
 * Runs one call: parses the input with the channel's schema, runs the handler, checks the output against the
 * contract, and turns every failure into a typed error. Never throws: a bad call must not take main down.
 */
export async function invokeChannel(
  handlers: Handlers,
  channel: string,
  rawInput: unknown,
  log: Logger = console,
): Promise<Result<unknown>> {
  if (!isChannelName(channel)) return failure('unknown_channel', `There is no channel named "${channel}".`);
  const spec = channels[channel];
  const parsed = spec.input.safeParse(rawInput === undefined ? {} : rawInput);
  if (!parsed.success) {
    return failure('invalid_input', `Invalid input for ${channel}.`, describeIssues(parsed.error));
  }
  try {
    const handler = handlers[channel] as (input: unknown) => unknown;
    const value = await handler(parsed.data);
    const checked = spec.output.safeParse(value);
    if (!checked.success) {
      log.error(`[ipc] ${channel} returned a value outside the contract`, checked.error.issues);
      return failure('internal', 'Redac could not complete this action (internal error).');
    }
    return { ok: true, value: checked.data };
  } catch (error) {
    if (error instanceof AppError) return failure(error.code, error.message);
    if (error instanceof Error && /^SQLITE_/.test(String((error as { code?: unknown }).code))) {
      log.error(`[ipc] ${channel} storage failure`, error);
      return failure('storage', `The article store could not complete this action: ${error.message}`);
    }
    log.error(`[ipc] ${channel} failed`, error);
    return failure('internal', 'Redac could not complete this action (internal error).');
  }
}

/**
 * How a transport plugs in: it says how to listen on a channel and whether a sender may call at all.
 * Electron's checks our window's main frame; the web host's checks loopback, Host header and token.
 */
export interface TransportAdapter<Sender> {
  readonly name: string;
  /** A reason to refuse this sender, or undefined to let it through. */
  rejectSender(sender: Sender): string | undefined;
  handle(channel: ChannelName, run: (sender: Sender, rawInput: unknown) => Promise<Result<unknown>>): void;
}

/** The one wrapper both transports use to register every channel of the contract. */
export function registerHandlers<Sender>(
  transport: TransportAdapter<Sender>,
  handlers: Handlers,
  log: Logger = console,
): void {
  for (const channel of channelNames) {
    transport.handle(channel, async (sender, rawInput) => {
      const refusal = transport.rejectSender(sender);
      if (refusal) {
        log.warn(`[ipc:${transport.name}] refused ${channel}: ${refusal}`);
        return failure('forbidden', 'This caller may not use Redac.');
      }
      return invokeChannel(handlers, channel, rawInput, log);
    });
  }
}
