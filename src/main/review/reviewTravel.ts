import type { ArticleService } from '../articles/articleService';
import type { Db } from '../db/open';
import type { MediaStore } from '../media/mediaStore';
import type { TermService } from '../taxonomy/termService';
import { createHeldPackages } from './heldPackages';
import { createPackageService } from './packageService';
import { createPackageWriter } from './packageWriter';
import { createReviewBase } from './reviewBase';
import { createReviewCarrier } from './reviewCarrier';
import { createReviewReceiver } from './reviewReceiver';
import {
  createReviewStateProvider,
  type ProfileSource,
  type ThreadsSource,
  type WorkflowSource,
} from './reviewState';

/** Composition of drafts that travel: the review state, its base, and packages. */
export function createReviewTravel(deps: {
  db: Db;
  dataDir: string;
  articles: ArticleService;
  terms: TermService;
  media: MediaStore;
  workflow: WorkflowSource;
  threads: ThreadsSource;
  profile: ProfileSource;
  now?: () => number;
}) {
  const review = createReviewStateProvider({ workflow: deps.workflow, threads: deps.threads });
  const base = createReviewBase(deps.db, deps.articles, deps.terms);
  const writer = createPackageWriter({ ...deps, review, base });
  const packages = createPackageService({
    ...deps,
    review,
    base,
    writer,
    held: createHeldPackages(deps.dataDir),
  });
  const receiver = createReviewReceiver({ media: deps.media });
  return {
    review,
    base,
    packages,
    /** Pushes: the review state as post meta, 'Send for review' resolved by workflow status. */
    carrier: createReviewCarrier(review, receiver),
    /** Pulls: the review state a post carries, restored exactly when the site's text is still what was sent. */
    receiver,
  };
}

export type ReviewTravel = ReturnType<typeof createReviewTravel>;
