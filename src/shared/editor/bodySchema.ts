import { getSchema } from '@tiptap/core';
import type { Node as PmNode, Schema } from '@tiptap/pm/model';
import {
  BLOCK_SUGGESTION_ATTR,
  BlockSuggestion,
  LinkChange,
  REVIEW_MARKS,
  SuggestionAttrs,
  ThreadId,
} from '../domain/comments';
import { isMediaId } from '../domain/media';
import { bodyExtensions } from './bodyExtensions';
import { embedProviderOf } from './embeds';
import { isAllowedLinkHref } from './links';
import { isSoundBody } from './soundBody';

let cached: Schema | undefined;

/** The ProseMirror schema of article bodies, built once from the shared extensions. */
export function bodySchema(): Schema {
  cached ??= getSchema(bodyExtensions);
  return cached;
}

/** What the schema's shape cannot say: links, images and embeds must point where they are allowed to. */
function contentProblem(doc: PmNode): string | undefined {
  let problem: string | undefined;
  doc.descendants((node) => {
    if (problem) return false;
    for (const mark of node.marks) {
      if (mark.type.name === 'link' && !isAllowedLinkHref(mark.attrs.href)) {
        problem = `a link to "${String(mark.attrs.href).slice(0, 80)}" (only http, https and mailto links are allowed)`;
        return false;
      }
      if (mark.type.name === REVIEW_MARKS.comment && !ThreadId.safeParse(mark.attrs.threadId).success) {
        problem = 'a comment anchor without a thread id';
        return false;
      }
      if (mark.type.name.startsWith('suggestion') && !SuggestionAttrs.safeParse(mark.attrs).success) {
        problem = 'a suggestion without its author and time';
        return false;
      }
      if (mark.type.name === REVIEW_MARKS.format && mark.attrs.link !== null) {
        const change = LinkChange.safeParse(mark.attrs.link);
        const hrefs = change.success ? [change.data.before, change.data.after] : [];
        if (!change.success || hrefs.some((l) => l !== null && !isAllowedLinkHref(l.href))) {
          problem = 'a suggested link change to a link that is not allowed';
          return false;
        }
      }
    }
    const structural: unknown = node.attrs[BLOCK_SUGGESTION_ATTR];
    if (structural !== undefined && structural !== null && !BlockSuggestion.safeParse(structural).success) {
      problem = 'a structural suggestion without its author, time or former shape';
      return false;
    }
    if (node.type.name === 'image' && !isMediaId(node.attrs.mediaId)) {
      problem = 'an image that is not in the media store';
      return false;
    }
    if (node.type.name === 'embed') {
      const provider = embedProviderOf(node.attrs.url);
      if (!provider || provider !== node.attrs.provider) {
        problem = 'an embed that is not a YouTube, X, Instagram or Facebook URL';
        return false;
      }
    }
    const dir: unknown = node.attrs.dir;
    if (dir !== undefined && dir !== null && dir !== 'ltr' && dir !== 'rtl') {
      problem = `a block direction "${String(dir).slice(0, 20)}"`;
      return false;
    }
    return true;
  });
  return problem;
}

/**
 * Checks that a JSON document is a body this schema can hold (known nodes and marks, valid nesting, allowed
 * links, stored images, supported embeds). Returns the reason it is not, or undefined when it is.
 */
export function bodyProblem(json: unknown): string | undefined {
  return isSoundBody(json, bodySchema()) ? undefined : schemaProblem(json);
}

/** The full check of `bodyProblem`, through a ProseMirror tree, for what the quick one cannot vouch for. */
export function schemaProblem(json: unknown): string | undefined {
  try {
    const doc = bodySchema().nodeFromJSON(json);
    doc.check();
    return contentProblem(doc);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** The media ids a body's images use. */
export function bodyMediaIds(json: unknown): string[] {
  const ids = new Set<string>();
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const n = node as { type?: unknown; attrs?: { mediaId?: unknown }; content?: unknown };
    if (n.type === 'image' && isMediaId(n.attrs?.mediaId)) ids.add(n.attrs.mediaId);
    if (Array.isArray(n.content)) n.content.forEach(walk);
  };
  walk(json);
  return [...ids];
}
