import type { ReactNode } from 'react';
import { useEditorUi } from '../editorUi';

/** A small non-modal dialog next to the body; Escape closes it and gives the focus back to the body. */
export function PanelFrame({ label, children }: { label: string; children: ReactNode }) {
  const close = useEditorUi((s) => s.closePanel);
  const editor = useEditorUi((s) => s.editor);
  return (
    <div
      role="dialog"
      aria-label={label}
      className="editor-panel"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          close();
          editor?.view.focus();
        }
      }}
    >
      {children}
    </div>
  );
}
