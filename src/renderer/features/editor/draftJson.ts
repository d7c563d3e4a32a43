import type { BodyDoc } from '../../../shared/domain/article';
import { stringifyWithBodies } from '../../transport/bodyJsonText';

/** JSON.stringify of a value whose `draft.body` is an article body, with the body's blocks cached. */
export function stringifyWithBody<T extends { draft: { body: BodyDoc } }>(value: T): string {
  return stringifyWithBodies(value);
}
