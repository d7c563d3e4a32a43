import { create } from 'zustand';
import type { OutboxItem, Publication, SyncAction, SyncOverview } from '../../../shared/domain/publication';
import { call } from '../../bridge';

interface SyncState {
  articleId: string | undefined;
  publications: Publication[];
  operations: OutboxItem[];
  overview: SyncOverview | undefined;
  error: string | undefined;
  /** True while the sites are asked where the article's posts stand. */
  checking: boolean;
  load(articleId: string | undefined): Promise<void>;
  /** Asks the sites (a post published by cron, unpublished or trashed there), then shows what they said. */
  refresh(articleId: string): Promise<void>;
  enqueue(siteId: string, action: SyncAction, scheduledAt?: number, acceptWarnings?: boolean): Promise<void>;
  retry(id: number): Promise<void>;
  cancel(id: number): Promise<void>;
}

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** The article's state on each site and the outbox, as main last reported them. */
export const useSyncStore = create<SyncState>((set, get) => {
  async function guarded(run: () => Promise<unknown>): Promise<void> {
    try {
      await run();
      set({ error: undefined });
    } catch (error) {
      set({ error: message(error) });
    }
    await get().load(get().articleId);
  }
  return {
    articleId: undefined,
    publications: [],
    operations: [],
    overview: undefined,
    error: undefined,
    checking: false,
    async refresh(articleId) {
      set({ checking: true });
      try {
        const publications = await call('sync:refresh', { articleId });
        if (get().articleId === articleId) set({ publications });
      } catch {
        // Offline or a site down: the panel keeps the last known state, as it does between syncs.
      } finally {
        set({ checking: false });
      }
    },
    async load(articleId) {
      try {
        const [publications, operations, overview] = await Promise.all([
          articleId ? call('sync:publications', { articleId }) : Promise.resolve([]),
          articleId ? call('sync:operations', { articleId }) : Promise.resolve([]),
          call('sync:overview', {}),
        ]);
        set({ articleId, publications, operations, overview });
      } catch (error) {
        set({ articleId, error: message(error) });
      }
    },
    enqueue: (siteId, action, scheduledAt, acceptWarnings) =>
      guarded(async () => {
        const articleId = get().articleId;
        if (articleId) await call('sync:enqueue', { articleId, siteId, action, scheduledAt, acceptWarnings });
      }),
    retry: (id) => guarded(() => call('sync:retry', { id })),
    cancel: (id) => guarded(() => call('sync:cancel', { id })),
  };
});
