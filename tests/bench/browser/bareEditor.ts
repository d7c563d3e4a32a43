// The baseline of the editor benchmark: bare TipTap with StarterKit, no React, no app, mounted on the same
// document. Bundled by esbuild at bench time and run in the same Chromium as the app.
import { Editor, type JSONContent } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';

declare global {
  interface Window {
    mountBare(doc: JSONContent): number;
  }
}

window.mountBare = (doc) => {
  const element = document.createElement('div');
  element.className = 'body-editor';
  element.setAttribute('aria-label', 'Body');
  document.body.append(element);
  const start = performance.now();
  new Editor({
    element,
    extensions: [StarterKit],
    content: doc,
    injectCSS: false,
    editorProps: { attributes: { role: 'textbox', 'aria-label': 'Body' } },
  });
  return performance.now() - start;
};
