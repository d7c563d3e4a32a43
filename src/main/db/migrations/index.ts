import type { Db } from '../open';
import { m0001Articles } from './0001-articles';
import { m0002Revisions } from './0002-revisions';
import { m0003ArticleFields } from './0003-article-fields';
import { m0004SearchIndex } from './0004-search-index';
import { m0005ArticleSources } from './0005-article-sources';
import { m0006ArticleSlugs } from './0006-article-slugs';
import { m0007Publishing } from './0007-publishing';
import { m0008RevisionStorage } from './0008-revision-storage';
import { m0009Workflow } from './0009-workflow';
import { m0010CommentThreads } from './0010-comment-threads';
import { m0011SiteZonesMediaMeta } from './0011-site-zones-media-meta';
import { m0012ArticleListIndex } from './0012-article-list-index';
import { m0013PublicationSlugs } from './0013-publication-slugs';
import { m0014ImpliedImportRevisions } from './0014-implied-import-revisions';
import { m0016TermMergeHistory } from './0016-term-merge-history';

/**
 * How far a long migration is: `done` of `total` units it chose (rows, articles...); `total` null when it can
 * count what it did but not what is left without reading as much again.
 */
export type MigrationProgress = (done: number, total: number | null) => void;

export interface Migration {
  /** The user_version the database has after this step. */
  readonly version: number;
  readonly name: string;
  /** `progress` may be called as it goes, where the step can count its work (the start-up screen shows it). */
  up(db: Db, progress: MigrationProgress): void;
}

/**
 * In order of version. Never edit a migration that has shipped: add one. Versions are numbered by the branch
 * that adds them, so a branch may see a gap (here 14 to 16) until the others are merged: only the order matters.
 */
export const migrations: readonly Migration[] = [
  m0001Articles,
  m0002Revisions,
  m0003ArticleFields,
  m0004SearchIndex,
  m0005ArticleSources,
  m0006ArticleSlugs,
  m0007Publishing,
  m0008RevisionStorage,
  m0009Workflow,
  m0010CommentThreads,
  m0011SiteZonesMediaMeta,
  m0012ArticleListIndex,
  m0013PublicationSlugs,
  m0014ImpliedImportRevisions,
  m0016TermMergeHistory,
];

export const LATEST_SCHEMA_VERSION = migrations[migrations.length - 1]?.version ?? 0;
