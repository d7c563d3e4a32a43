import { useEffect } from 'react';
import { whenTypingPauses } from '../editor/typingPause';
import { subscribe, transport } from '../bridge';
import { ArticleList } from '../features/articles/ArticleList';
import { useArticlesStore } from '../features/articles/articlesStore';
import { ArticleEditor } from '../features/editor/ArticleEditor';
import { CommentsPanel } from '../features/comments/CommentsPanel';
import { useEditorStore } from '../features/editor/editorStore';
import { HistoryPanel } from '../features/history/HistoryPanel';
import { ImportPanel } from '../features/importing/ImportPanel';
import { BackupNoticeBar } from '../features/recovery/BackupNoticeBar';
import { BackupsPanel } from '../features/recovery/BackupsPanel';
import { RecoveryScreen } from '../features/recovery/RecoveryScreen';
import { UpgradeFailedScreen } from '../features/recovery/UpgradeFailedScreen';
import { UpgradeScreen } from '../features/recovery/UpgradeScreen';
import { useRecoveryStatus } from '../features/recovery/useRecoveryStatus';
import { SearchView } from '../features/search/SearchView';
import { TermsPanel } from '../features/terms/TermsPanel';
import { PublishingBar } from '../features/publishing/PublishingBar';
import { PublishingViews } from '../features/publishing/PublishingViews';
import { ExportReviewButton, ImportReviewDialog } from '../features/review/ReviewPackages';
import { ProfileGate } from '../features/profile/ProfileGate';
import { DeskViews } from '../features/desk/DeskViews';
import { WorkflowPanel } from '../features/workflow/WorkflowPanel';

/** Keeps unsaved text from being lost when the window closes or the page is left. */
function useSaveBeforeLeaving(): void {
  useEffect(() => {
    const { flush, hasUnsaved } = useEditorStore.getState();
    const onBeforeUnload = (event: BeforeUnloadEvent): void => {
      if (!hasUnsaved()) return;
      // Hold the close, save, then close for real (Electron closes silently; a browser asks first).
      event.preventDefault();
      event.returnValue = '';
      void flush().then(() => {
        if (transport === 'electron' && !hasUnsaved()) window.close();
      });
    };
    const onHidden = (): void => {
      if (document.visibilityState === 'hidden') void flush();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('visibilitychange', onHidden);
    };
  }, []);
}

/** The app; the recovery screen when the store could not be opened; the upgrade's progress or failure. */
export function App() {
  const status = useRecoveryStatus();
  if (!status) return null;
  if (status.state === 'damaged') return <RecoveryScreen status={status} />;
  if (status.state === 'upgrading') return <UpgradeScreen status={status} />;
  if (status.state === 'upgradeFailed') return <UpgradeFailedScreen status={status} />;
  return (
    <ProfileGate>
      <Workspace />
    </ProfileGate>
  );
}

function Workspace() {
  useSaveBeforeLeaving();
  useEffect(() => {
    const { refresh } = useArticlesStore.getState();
    void refresh();
    const offImported = subscribe('articles:imported', () => void refresh());
    const offChanged = subscribe('articles:changed', ({ id, revision }) => {
      whenTypingPauses('article-list', () => void refresh());
      void useEditorStore.getState().noticeRemoteChange(id, revision);
    });
    return () => {
      offImported();
      offChanged();
    };
  }, []);

  return (
    <div className="app-shell">
      <DeskViews>
        <ArticleList />
      </DeskViews>
      <main className="app-main">
        <BackupNoticeBar />
        <SearchView />
        <HistoryPanel />
        <BackupsPanel />
        <ImportPanel />
        <TermsPanel />
        <ImportReviewDialog />
        <ExportReviewButton />
        <PublishingBar />
        <PublishingViews>
          <WorkflowPanel />
          <div className="editor-with-comments">
            <ArticleEditor />
            <CommentsPanel />
          </div>
        </PublishingViews>
      </main>
    </div>
  );
}
