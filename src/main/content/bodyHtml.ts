import { createRequire } from 'node:module';
import { DOMParser as PmDOMParser, DOMSerializer, Node } from '@tiptap/pm/model';
import type { HTMLElement as DomElement, Window } from 'happy-dom';
import type { BodyDoc } from '../../shared/domain/article';
import { bodySchema } from '../../shared/editor/bodySchema';
import { compactBlockJson } from '../../shared/editor/extensions/blockSuggestion';
import { readHtmlFragment } from './htmlFragment';

/**
 * The body as HTML and back, through the one editor schema: what the preview shows, what publishing sends,
 * and how remote, pulled or imported HTML comes in (anything the schema does not know is dropped on the way in).
 * Runs in main, without a browser. HTML is read without a DOM (htmlFragment.ts builds light nodes the way
 * happy-dom's innerHTML did); writing HTML still goes through happy-dom, loaded on the first body written,
 * not at start-up (loading it takes about a second).
 *
 * @tiptap/html's generateHTML/generateJSON build a schema and a DOM window per call (about 15 ms), which a
 * 200-article push or a 100k-article import would pay every time; here both are built once. The window runs
 * no script and loads nothing (no frames, no scripts, no styles): it only parses and serializes.
 */
let window: Window | undefined;
let serializer: DOMSerializer | undefined;
let parser: PmDOMParser | undefined;

/** The one happy-dom window of the process, made on first use (also the test corpus's reference reader). */
export function inertWindow(): Window {
  if (window) return window;
  const load = createRequire(import.meta.url);
  const { Window: InertWindow } = load('happy-dom') as typeof import('happy-dom');
  window = new InertWindow({
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
    },
  });
  return window;
}

/** The serialized body before it becomes text, for a caller that must adjust it (the site's image addresses). */
export type HtmlFinisher = (root: DomElement) => void;

export function bodyToHtml(body: BodyDoc, finish?: HtmlFinisher): string {
  const schema = bodySchema();
  const document = inertWindow().document;
  serializer ??= DOMSerializer.fromSchema(schema);
  const wrap = document.createElement('div');
  serializer.serializeFragment(
    Node.fromJSON(schema, body).content,
    { document } as unknown as Parameters<DOMSerializer['serializeFragment']>[1],
    wrap as unknown as Parameters<DOMSerializer['serializeFragment']>[2],
  );
  finish?.(wrap);
  return wrap.innerHTML;
}

/**
 * HTML in, body out: the fragment is read into light nodes (no DOM, nothing kept between calls) and handed to
 * ProseMirror's parser with the schema's own rules, so whitespace, marks, lists and wrapping are decided by
 * the same code as before. About 0.15-0.2 ms of CPU per archive article, against 1.0-1.3 ms through a
 * reused happy-dom element; tests/main/content/htmlFragment.test.ts checks both give the same documents.
 */
export function htmlToBody(html: string): BodyDoc {
  parser ??= PmDOMParser.fromSchema(bodySchema());
  const root = readHtmlFragment(html) as unknown as globalThis.Node;
  return compactBlockJson(parser.parse(root).toJSON() as BodyDoc);
}
