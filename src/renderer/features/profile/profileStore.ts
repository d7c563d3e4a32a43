import { create } from 'zustand';
import type { Profile } from '../../../shared/domain/people';
import { call } from '../../bridge';

interface ProfileState {
  profile: Profile | null;
  loaded: boolean;
  error: string | undefined;
  settingsOpen: boolean;
  load(): Promise<void>;
  save(input: Omit<Profile, 'id'> & { newPerson?: boolean }): Promise<boolean>;
  openSettings(open: boolean): void;
}

/** Who uses this desk, as main stores it. Everything role-dependent on screen follows this. */
export const useProfileStore = create<ProfileState>((set) => ({
  profile: null,
  loaded: false,
  error: undefined,
  settingsOpen: false,
  async load() {
    try {
      set({ profile: await call('profile:get', {}), loaded: true, error: undefined });
    } catch (error) {
      set({ loaded: true, error: (error as Error).message });
    }
  },
  async save(input) {
    try {
      set({ profile: await call('profile:save', input), error: undefined });
      return true;
    } catch (error) {
      set({ error: (error as Error).message });
      return false;
    }
  },
  openSettings: (settingsOpen) => set({ settingsOpen }),
}));
