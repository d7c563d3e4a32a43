import { generateJSON } from '@tiptap/html/server';
import { DOMSerializer, Node } from '@tiptap/pm/model';
import { Window } from 'happy-dom';
import type { BodyDoc } from '../../shared/domain/article';
import { bodyExtensions } from '../../shared/editor/bodyExtensions';
import { bodySchema } from '../../shared/editor/bodySchema';

/**
 * The body as HTML and back, through the one editor schema: what the preview shows, what publishing sends and
 * how remote or imported HTML comes in (anything the schema does not know is dropped on the way in).
 * Runs in main, without a browser (happy-dom stands in for the DOM).
 *
 * bodyToHtml does what @tiptap/html's generateHTML does, but with the schema, serializer and DOM window built
 * once: generateHTML builds all three per call (about 15 ms), which a 200-article push pays 200 times.
 * The window runs no script and loads nothing; it only serves as a document to serialize into.
 */
let window: Window | undefined;
let serializer: DOMSerializer | undefined;

export function bodyToHtml(body: BodyDoc): string {
  const schema = bodySchema();
  window ??= new Window({
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
    },
  });
  serializer ??= DOMSerializer.fromSchema(schema);
  const document = window.document;
  const wrap = document.createElement('div');
  serializer.serializeFragment(
    Node.fromJSON(schema, body).content,
    { document } as unknown as Parameters<DOMSerializer['serializeFragment']>[1],
    wrap as unknown as Parameters<DOMSerializer['serializeFragment']>[2],
  );
  return wrap.innerHTML;
}

export function htmlToBody(html: string): BodyDoc {
  return generateJSON(html, bodyExtensions) as BodyDoc;
}
