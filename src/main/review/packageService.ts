import { randomBytes } from 'node:crypto';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Article } from '../../shared/domain/article';
import type { Thread } from '../../shared/domain/comments';
import type { ConflictChoice, ConflictView } from '../../shared/domain/conflict';
import type { ReviewState } from '../../shared/domain/review';
import type { PackageExportResult, PackageImportResult } from '../../shared/domain/reviewPackage';
import type { ArticleService } from '../articles/articleService';
import { AppError } from '../core/errors';
import type { Db } from '../db/open';
import { sniffImageType, type MediaStore } from '../media/mediaStore';
import { compareSides, mergeSides, type RemoteSide } from '../publishing/conflictSides';
import type { TermService } from '../taxonomy/termService';
import type { HeldPackages } from './heldPackages';
import { readPackageFile, verifyPackage, type VerifiedPackage } from './packageReader';
import type { PackageWriter } from './packageWriter';
import { fieldsOfPortable, portableHash } from './portableArticle';
import type { ReviewBase } from './reviewBase';
import type { ReviewStateProvider } from './reviewState';

const packageSide = (pkg: VerifiedPackage): RemoteSide => ({
  source: 'package',
  headline: pkg.article.headline,
  standfirst: pkg.article.standfirst,
  body: pkg.article.body,
  changedAt: new Date(pkg.manifest.exportedAt).toISOString().slice(0, 19),
});

/**
 * After a conflict both desks' threads are kept: the union by id, the package's copy of a thread both have
 * when it has at least as many comments. The workflow whose history went further wins; the changes of
 * assignment of both are kept (union by id, oldest first).
 */
function mergeReview(local: ReviewState, incoming: ReviewState): ReviewState {
  const threads = new Map<string, Thread>(local.threads.map((t) => [t.id, t]));
  for (const thread of incoming.threads) {
    const mine = threads.get(thread.id);
    if (!mine || thread.comments.length >= mine.comments.length) threads.set(thread.id, thread);
  }
  const chosen =
    incoming.workflow.history.length >= local.workflow.history.length ? incoming.workflow : local.workflow;
  const assignments = new Map(local.workflow.assignments.map((a) => [a.id, a]));
  for (const change of incoming.workflow.assignments) assignments.set(change.id, change);
  const workflow = {
    ...chosen,
    assignments: [...assignments.values()].sort((a, b) => a.at - b.at),
  };
  return { ...local, workflow, threads: [...threads.values()] };
}

/**
 * Review packages between desks without any network. Export writes one file; import verifies all of it first,
 * then, in one transaction: makes the article (same id) when this desk lacks it, applies it as a new 'sync'
 * revision when this desk has not changed the article since the package's base, or holds the package for the
 * conflict view when both sides changed. A refused package changes nothing.
 */
export function createPackageService(deps: {
  db: Db;
  articles: ArticleService;
  terms: TermService;
  media: MediaStore;
  review: ReviewStateProvider;
  base: ReviewBase;
  writer: PackageWriter;
  held: HeldPackages;
}) {
  /** Images into the media store: all checked first, then written (each under its own hash, so never clobbered). */
  function storeMedia(pkg: VerifiedPackage): void {
    for (const [mediaId, bytes] of pkg.media)
      if (!sniffImageType(bytes))
        throw new AppError(
          'invalid_input',
          `This review package was refused: media/${mediaId} is not an image.`,
        );
    for (const [, bytes] of pkg.media) deps.media.put(bytes, '');
  }

  function existing(articleId: string): Article | undefined {
    try {
      return deps.articles.get(articleId);
    } catch (error) {
      if (error instanceof AppError && error.code === 'not_found') return undefined;
      throw error;
    }
  }

  const apply = deps.db.transaction((pkg: VerifiedPackage, bytes: Uint8Array): PackageImportResult => {
    const id = pkg.manifest.articleId;
    const local = existing(id);
    const fields = fieldsOfPortable(pkg.article, deps.terms);
    const result = (outcome: PackageImportResult['outcome'], article: Article, message: string) => ({
      articleId: id,
      outcome,
      revision: article.revision,
      headline: article.headline,
      threads: pkg.review.threads.length,
      message,
    });
    if (!local) {
      const created = deps.articles.create(pkg.article.language, id);
      const saved = deps.articles.save({ id, baseRevision: created.revision, fields, kind: 'sync' });
      deps.review.apply(id, pkg.review);
      return result('created', saved, 'The article was added to this desk with its review.');
    }
    const localHash = deps.base.currentHash(id);
    if (localHash === portableHash(pkg.article)) {
      deps.review.apply(id, pkg.review);
      deps.held.drop(id);
      return result(
        'unchanged',
        local,
        'This desk already had this text; its review state was brought up to date.',
      );
    }
    const unchangedHere =
      localHash === pkg.manifest.baseRevisionHash || localHash === deps.base.lastReceived(id)?.hash;
    if (unchangedHere) {
      const saved = deps.articles.save({ id, baseRevision: local.revision, fields, kind: 'sync' });
      deps.review.apply(id, pkg.review);
      deps.held.drop(id);
      return result('updated', saved, 'The article was updated from the package as a new revision.');
    }
    deps.held.hold(id, bytes);
    return result(
      'conflict',
      local,
      'The article changed on this desk since the package was made: nothing was overwritten. Choose per field which copy to keep.',
    );
  });

  function heldPackage(articleId: string): VerifiedPackage {
    const bytes = deps.held.read(articleId);
    if (!bytes) throw new AppError('not_found', 'There is no review package waiting for this article.');
    return verifyPackage(bytes);
  }

  const resolve = deps.db.transaction((articleId: string, take: ConflictChoice): Article => {
    const pkg = heldPackage(articleId);
    const local = deps.articles.get(articleId);
    const localReview = deps.review.stateOf(articleId);
    const remote = packageSide(pkg);
    const merged = mergeSides(local, remote, take);
    // The package's text is kept as the revision received from the other desk (the next export's base), and
    // the choice is saved on top of it: history holds both copies, and the other desk sees what was taken.
    const received = deps.articles.save({
      id: articleId,
      baseRevision: local.revision,
      fields: fieldsOfPortable(pkg.article, deps.terms),
      kind: 'sync',
    });
    const saved = deps.articles.save({
      id: articleId,
      baseRevision: received.revision,
      fields: merged,
      kind: 'explicit',
    });
    deps.review.apply(articleId, mergeReview(localReview, pkg.review));
    deps.held.drop(articleId);
    return saved;
  });

  return {
    exportPackage(articleId: string, path: string | undefined): PackageExportResult {
      const built = deps.writer.build(articleId);
      if (path === undefined)
        return {
          filename: built.filename,
          path: null,
          data: Buffer.from(built.bytes).toString('base64'),
          bytes: built.bytes.length,
        };
      // Written aside and renamed: a half-written package never sits under the chosen name.
      const temp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.part`);
      try {
        writeFileSync(temp, built.bytes, { flag: 'wx' });
        renameSync(temp, path);
      } catch (error) {
        rmSync(temp, { force: true });
        throw new AppError(
          'storage',
          `The package could not be written to ${path}: ${(error as Error).message}`,
        );
      }
      return { filename: built.filename, path, data: null, bytes: built.bytes.length };
    },

    importPackage(path: string): PackageImportResult {
      const bytes = readPackageFile(path);
      const pkg = verifyPackage(bytes);
      storeMedia(pkg);
      return apply.immediate(pkg, bytes);
    },

    /** The article on this desk next to the package held for it, field by field. */
    conflict(articleId: string): ConflictView {
      return compareSides(deps.articles.get(articleId), packageSide(heldPackage(articleId)));
    },

    resolveConflict(articleId: string, take: ConflictChoice): Article {
      return resolve.immediate(articleId, take);
    },

    hasConflict: (articleId: string): boolean => deps.held.has(articleId),
  };
}

export type PackageService = ReturnType<typeof createPackageService>;
