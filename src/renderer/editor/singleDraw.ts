import type { Editor } from '@tiptap/core';

/**
 * TipTap draws the document when the editor is created, then again when <EditorContent> mounts: it hands the
 * view its node views a second time, as new functions, and ProseMirror redraws the whole document whenever
 * its node views change. The second set only matters for React node views that already exist (made before
 * React could portal them); when the body holds none (an image is the only one), the first drawing stands,
 * and opening a long article draws it once. Node views made later are made by the first set, whose React
 * renderer finds the content component by then.
 */
export function drawOnceWithoutReactViews(editor: Editor, reactViews: ReadonlySet<string>): void {
  const createNodeViews = editor.createNodeViews.bind(editor);
  editor.createNodeViews = () => {
    let found = false;
    editor.state.doc.descendants((node) => {
      if (found) return false;
      if (reactViews.has(node.type.name)) found = true;
      return !found && !node.isTextblock;
    });
    if (found) createNodeViews();
  };
}
