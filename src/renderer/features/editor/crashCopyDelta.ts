import type { BodyDoc, PmNode } from '../../../shared/domain/article';
import { blockJsonText } from '../../transport/bodyJsonText';

/**
 * A body written as its difference from a body the store already holds: runs of that body's blocks,
 * `[from, to)`, and the blocks that are new. Typing changes a block or two, so the crash copy written while
 * someone types costs those blocks and a few numbers, not the article.
 */
export type BlockRun = [from: number, to: number];
export type BodyOps = (BlockRun | PmNode)[];

/** A body the store holds (as opened, or as a save sent it), indexed for finding its blocks again. */
export interface DeltaBase {
  /** The store's revision once it has this body (for a save in flight: the revision it will make). */
  revision: number;
  /** Which body it was (bodyFingerprint, computed when first needed): checked before a copy is rebuilt on it. */
  fingerprint?: string;
  blocks: readonly PmNode[];
  byObject: WeakMap<object, number>;
  byText?: Map<string, number>;
}

const blockHash = new WeakMap<object, number>();

/** FNV-1a of a block's JSON text, remembered per block object (the editor reuses unchanged blocks). */
function hashOf(block: PmNode): number {
  let hash = blockHash.get(block);
  if (hash === undefined) {
    const text = blockJsonText(block);
    hash = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
    hash >>>= 0;
    blockHash.set(block, hash);
  }
  return hash;
}

/** Which body this is, from its blocks' cached hashes: the cost of a pass over the blocks, not their text. */
export function bodyFingerprint(body: BodyDoc): string {
  const blocks = body.content ?? [];
  let hash = 0x811c9dc5;
  for (const block of blocks) hash = Math.imul(hash ^ hashOf(block), 0x01000193);
  return `${blocks.length}:${(hash >>> 0).toString(36)}`;
}

export function deltaBase(revision: number, body: BodyDoc): DeltaBase {
  const blocks = body.content ?? [];
  const byObject = new WeakMap<object, number>();
  blocks.forEach((block, i) => byObject.set(block, i));
  return { revision, blocks, byObject };
}

export function baseFingerprint(base: DeltaBase): string {
  base.fingerprint ??= bodyFingerprint({ type: 'doc', content: [...base.blocks] });
  return base.fingerprint;
}

/** The base's index of a block with the same content, by object first, then (once per block) by its JSON. */
function indexIn(base: DeltaBase, block: PmNode): number | undefined {
  const known = base.byObject.get(block);
  if (known !== undefined) return known;
  if (!base.byText) {
    const byText = new Map<string, number>();
    base.blocks.forEach((b, i) => {
      const text = blockJsonText(b);
      if (!byText.has(text)) byText.set(text, i);
    });
    base.byText = byText;
  }
  const found = base.byText.get(blockJsonText(block));
  // Remembered either way, so the next copy asks this block by object.
  base.byObject.set(block, found ?? -1);
  return found;
}

export function bodyOps(body: BodyDoc, base: DeltaBase): BodyOps {
  const ops: BodyOps = [];
  for (const block of body.content ?? []) {
    const at = indexIn(base, block);
    const last = ops[ops.length - 1];
    if (at === undefined || at < 0) ops.push(block);
    else if (Array.isArray(last) && last[1] === at) last[1] = at + 1;
    else ops.push([at, at + 1]);
  }
  return ops;
}

/** The body `ops` describe on `base`, or undefined when they do not fit it (another body, a damaged copy). */
export function applyBodyOps(ops: unknown, base: BodyDoc): PmNode[] | undefined {
  if (!Array.isArray(ops)) return undefined;
  const blocks = base.content ?? [];
  const content: PmNode[] = [];
  for (const op of ops as unknown[]) {
    if (Array.isArray(op)) {
      const [from, to] = op as unknown[];
      if (!Number.isInteger(from) || !Number.isInteger(to)) return undefined;
      if ((from as number) < 0 || (to as number) <= (from as number) || (to as number) > blocks.length)
        return undefined;
      content.push(...blocks.slice(from as number, to as number));
    } else if (op && typeof op === 'object' && typeof (op as { type?: unknown }).type === 'string') {
      content.push(op as PmNode);
    } else return undefined;
  }
  return content;
}
