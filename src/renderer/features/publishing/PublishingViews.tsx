import type { ReactNode } from 'react';
import { PreviewView } from '../preview/PreviewView';
import { SitesScreen } from '../sites/SitesScreen';
import { SyncPanel } from '../sync/SyncPanel';
import { useViewStore } from './viewStore';

/** The main area: the publishing screen chosen in the bar, or the article editor (children). */
export function PublishingViews({ children }: { children: ReactNode }) {
  const view = useViewStore((s) => s.view);
  if (view === 'sites') return <SitesScreen />;
  if (view === 'preview') return <PreviewView />;
  if (view === 'sync') return <SyncPanel />;
  return <>{children}</>;
}
