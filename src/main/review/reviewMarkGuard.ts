import type { BodyDoc } from '../../shared/domain/article';
import type { PersonRef } from '../../shared/domain/people';
import { reviewMarkIndex, type ReviewMarkIndex, type SuggestionEntry } from '../../shared/editor/reviewMarks';
import { AppError } from '../core/errors';
import type { Db } from '../db/open';
import { createRevisionStore } from '../revisions/revisionStore';

/** How far ahead of this machine's clock a new suggestion's time may be (a renderer's clock read a bit late). */
export const SUGGESTION_CLOCK_ALLOWANCE_MS = 5 * 60_000;
/** Articles whose stored marks are remembered, so an autosave walks only the new body. */
const REMEMBERED = 64;

/** The stored article a desk edit is made on; `body` is read only when its marks are not remembered. */
export interface StoredBody {
  articleId: string;
  revision: number;
  updatedAt: number;
  body: () => BodyDoc;
}

/**
 * Checks, inside the save's transaction, a body the desk's editor sends against the stored one. Returns what
 * to remember once the save has committed.
 */
export interface SaveGuard {
  check(stored: StoredBody, next: BodyDoc): ReviewMarkIndex;
  remember(articleId: string, revision: number, updatedAt: number, index: ReviewMarkIndex): void;
}

const signer = (signature: string) => {
  const [authorId, authorName, , at] = JSON.parse(signature) as unknown[];
  return { authorId, authorName, at };
};

/** Whether `short` is `long` with some characters taken out (in order). */
function isSubsequence(short: string, long: string): boolean {
  if (short.length > long.length) return false;
  let i = 0;
  for (let j = 0; j < long.length && i < short.length; j++) if (short[i] === long[j]) i++;
  return i === short.length;
}

/** Whether a suggestion as it is now is no more than it was: same details, its text or blocks only fewer. */
function within(was: SuggestionEntry, now: SuggestionEntry): boolean {
  for (const detail of now.details) if (!was.details.has(detail)) return false;
  return now.text === was.text || isSubsequence(now.text, was.text);
}

/**
 * Main, not the renderer, decides who suggested what: a suggestion new in a desk edit must be signed by this
 * desk's person (its id; the name and colour beside it are how they were called when they signed) and not
 * dated ahead of now; one already stored keeps its signature (no edit re-attributes someone else's
 * suggestion), and someone else's may only shrink (part of its text deleted or decided) or go: it never covers
 * more text or more blocks, nor says something else (another mark, another link, another former shape); a
 * desk's own suggestions grow as its user types on. Removing marks (accept, reject) is always allowed. A
 * suggestion that comes back
 * after being accepted (an undo) is known from the article's history. A new comment anchor must name a body
 * thread of this article. Saves that carry other desks' work (pull, package, conflict) do not come here.
 */
export function createReviewMarkGuard(deps: {
  db: Db;
  person: () => PersonRef;
  now?: () => number;
}): SaveGuard {
  const now = deps.now ?? Date.now;
  const revisions = createRevisionStore(deps.db);
  const threadOf = deps.db.prepare<[string], { article_id: string; anchor: string }>(
    'SELECT article_id, anchor FROM comment_threads WHERE id = ?',
  );
  const remembered = new Map<string, { revision: number; updatedAt: number; index: ReviewMarkIndex }>();

  function storedIndex(stored: StoredBody): ReviewMarkIndex {
    const known = remembered.get(stored.articleId);
    if (known && known.revision === stored.revision && known.updatedAt === stored.updatedAt)
      return known.index;
    return reviewMarkIndex(stored.body());
  }

  /** Suggestions (`type:id`) as they appear anywhere in the article's history; only asked for rare cases. */
  function historyOf(articleId: string, keys: readonly string[]): ReviewMarkIndex {
    const ids = keys.map((key) => key.slice(key.indexOf(':') + 1));
    return reviewMarkIndex({ type: 'doc', content: revisions.blocksMentioning(articleId, ids) });
  }

  function checkThreads(articleId: string, before: ReviewMarkIndex, after: ReviewMarkIndex): void {
    for (const threadId of after.threads) {
      if (before.threads.has(threadId)) continue;
      const thread = threadOf.get(threadId);
      const body = thread && (JSON.parse(thread.anchor) as { kind?: unknown }).kind === 'body';
      if (!thread || thread.article_id !== articleId || !body)
        throw new AppError(
          'forbidden',
          'A comment anchor in this body names a thread this article does not have; nothing was saved.',
        );
    }
  }

  return {
    check(stored, next) {
      const before = storedIndex(stored);
      const after = reviewMarkIndex(next);
      checkThreads(stored.articleId, before, after);
      const unknown: [string, string][] = [];
      const grown: string[] = [];
      for (const [key, entry] of after.suggestions) {
        const was = before.suggestions.get(key);
        for (const signature of entry.signatures) {
          if (was?.signatures.has(signature)) continue;
          if (was)
            throw new AppError(
              'forbidden',
              'This edit changes who made an existing suggestion, or when; nothing was saved.',
            );
          unknown.push([key, signature]);
        }
        if (was && !within(was, entry)) grown.push(key);
      }
      let history: ReviewMarkIndex | undefined;
      if (grown.length) {
        const me = deps.person();
        for (const key of grown) {
          const entry = after.suggestions.get(key)!;
          const by = signer([...entry.signatures][0]!);
          if (by.authorId === me.id) continue;
          // An undo can bring back text a suggestion covered before; nothing it never covered.
          history ??= historyOf(stored.articleId, grown);
          const then = history.suggestions.get(key);
          if (then && within(then, entry)) continue;
          throw new AppError(
            'forbidden',
            `This edit stretches or changes a suggestion by ${String(by.authorName).slice(0, 80)}; nothing was saved.`,
          );
        }
      }
      if (unknown.length === 0) return after;
      const me = deps.person();
      const latest = now() + SUGGESTION_CLOCK_ALLOWANCE_MS;
      history = undefined;
      for (const [key, signature] of unknown) {
        const { authorId, authorName, at } = signer(signature);
        // The person is the id: a rename is the same person, so a suggestion signed under the name or colour
        // this desk's person had a moment ago (an editor that had not heard of the rename yet) is still theirs.
        const signedByMe = authorId === me.id;
        if (signedByMe && typeof at === 'number' && at <= latest) continue;
        history ??= historyOf(
          stored.articleId,
          unknown.map(([k]) => k),
        );
        if (history.suggestions.get(key)?.signatures.has(signature)) continue;
        if (!signedByMe)
          throw new AppError(
            'forbidden',
            `A new suggestion must be signed by this desk's profile (${me.name}), not by ${String(authorName).slice(0, 80)}; nothing was saved.`,
          );
        throw new AppError(
          'forbidden',
          'A new suggestion is dated in the future; check this computer’s clock. Nothing was saved.',
        );
      }
      return after;
    },
    remember(articleId, revision, updatedAt, index) {
      remembered.delete(articleId);
      remembered.set(articleId, { revision, updatedAt, index });
      if (remembered.size > REMEMBERED) remembered.delete(remembered.keys().next().value!);
    },
  };
}
