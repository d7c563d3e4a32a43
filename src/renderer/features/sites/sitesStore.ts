import { create } from 'zustand';
import type { CredentialInfo, Site, SiteInput, SiteUser } from '../../../shared/domain/site';
import { call } from '../../bridge';

export type TestResult =
  { kind: 'testing' } | { kind: 'ok'; user: SiteUser } | { kind: 'failed'; message: string };

interface SitesState {
  sites: Site[];
  credentials: CredentialInfo | undefined;
  error: string | undefined;
  /** Per site id, and '' for the unsaved form. */
  tests: Record<string, TestResult>;
  refresh(): Promise<void>;
  add(input: SiteInput): Promise<boolean>;
  remove(id: string): Promise<void>;
  check(input: SiteInput): Promise<void>;
  test(id: string): Promise<void>;
}

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export const useSitesStore = create<SitesState>((set, get) => {
  const setTest = (key: string, result: TestResult): void =>
    set((state) => ({ tests: { ...state.tests, [key]: result } }));
  return {
    sites: [],
    credentials: undefined,
    error: undefined,
    tests: {},
    async refresh() {
      try {
        const { sites, credentials } = await call('sites:list', {});
        set({ sites, credentials, error: undefined });
      } catch (error) {
        set({ error: message(error) });
      }
    },
    async add(input) {
      try {
        const site = await call('sites:add', input);
        set((state) => ({ sites: [...state.sites, site], error: undefined }));
        return true;
      } catch (error) {
        set({ error: message(error) });
        return false;
      }
    },
    async remove(id) {
      try {
        await call('sites:remove', { id });
        set((state) => ({ sites: state.sites.filter((s) => s.id !== id), error: undefined }));
      } catch (error) {
        set({ error: message(error) });
      }
    },
    async check(input) {
      setTest('', { kind: 'testing' });
      try {
        setTest('', { kind: 'ok', user: await call('sites:check', input) });
      } catch (error) {
        setTest('', { kind: 'failed', message: message(error) });
      }
    },
    async test(id) {
      setTest(id, { kind: 'testing' });
      try {
        setTest(id, { kind: 'ok', user: await call('sites:test', { id }) });
        // Test connection also read the site's time zone again: show it.
        await get().refresh();
      } catch (error) {
        setTest(id, { kind: 'failed', message: message(error) });
      }
    },
  };
});
