import { inlineStyle, NO_STYLE, type InlineStyle } from './inlineStyle';
import { matchesSelector } from './simpleSelector';

/**
 * The few DOM nodes ProseMirror's DOMParser and the body schema's parse rules read (node type and name,
 * siblings, attributes, selectors, text, inline style), as plain objects: what htmlFragment.ts builds instead
 * of a happy-dom tree. Nothing here runs, loads or lays out anything.
 */
export type LightNode = LightElement | LightText | LightComment;

abstract class LightChild {
  parentNode: LightElement | null = null;
  previousSibling: LightNode | null = null;
  nextSibling: LightNode | null = null;
}

export class LightText extends LightChild {
  readonly nodeType = 3;
  readonly nodeName = '#text';
  constructor(public nodeValue: string) {
    super();
  }
  get textContent(): string {
    return this.nodeValue;
  }
}

export class LightComment extends LightChild {
  readonly nodeType = 8;
  readonly nodeName = '#comment';
  constructor(public nodeValue: string) {
    super();
  }
}

/** What ProseMirror's BR fallback asks of `ownerDocument`. */
const ownerDocument = { createTextNode: (text: string): LightText => new LightText(text) };

export class LightElement extends LightChild {
  readonly nodeType = 1;
  readonly ownerDocument = ownerDocument;
  /** HTML elements are upper case (P, FIGURE); SVG ones keep their case (svg, foreignObject), as in a DOM. */
  readonly tagName: string;
  /** Its own children; a template shows its content's instead through firstChild/lastChild. */
  head: LightNode | null = null;
  tail: LightNode | null = null;
  /** Lower-case names for HTML elements; the first of two same-named attributes wins. */
  readonly attributes = new Map<string, string>();
  private styleCache: InlineStyle | undefined;

  constructor(
    /** Lower case for HTML elements, as written (or the SVG spelling) for SVG ones. */
    readonly localName: string,
    readonly isSvg: boolean,
  ) {
    super();
    this.tagName = isSvg ? localName : localName.toUpperCase();
  }

  get nodeName(): string {
    return this.tagName;
  }

  get firstChild(): LightNode | null {
    return this.head;
  }

  get lastChild(): LightNode | null {
    return this.tail;
  }

  get childNodes(): LightNode[] {
    const nodes: LightNode[] = [];
    for (let child = this.head; child; child = child.nextSibling) nodes.push(child);
    return nodes;
  }

  getAttribute(name: string): string | null {
    return this.attributes.get(this.isSvg ? name : asciiLower(name)) ?? null;
  }

  hasAttribute(name: string): boolean {
    return this.getAttribute(name) !== null;
  }

  get style(): InlineStyle {
    const text = this.attributes.get('style');
    if (text === undefined) return NO_STYLE;
    this.styleCache ??= inlineStyle(text);
    return this.styleCache;
  }

  get textContent(): string {
    let text = '';
    for (let child = this.head; child; child = child.nextSibling)
      if (child.nodeType !== 8) text += child.textContent;
    return text;
  }

  matches(selector: string): boolean {
    return matchesSelector(this, selector);
  }

  /** The first descendant (never the element itself) in document order that the selector matches. */
  querySelector(selector: string): LightElement | null {
    for (let child = this.head; child; child = child.nextSibling) {
      if (child.nodeType !== 1) continue;
      if (matchesSelector(child, selector)) return child;
      const inner = child.querySelector(selector);
      if (inner) return inner;
    }
    return null;
  }

  /** Appends, moving the node from wherever it was (ProseMirror's list normalizing relies on the move). */
  appendChild<T extends LightNode>(node: T): T {
    return this.insertBefore(node, null);
  }

  insertBefore<T extends LightNode>(node: T, before: LightNode | null): T {
    node.parentNode?.removeChild(node);
    node.parentNode = this;
    node.nextSibling = before;
    node.previousSibling = before ? before.previousSibling : this.tail;
    if (node.previousSibling) node.previousSibling.nextSibling = node;
    else this.head = node;
    if (before) before.previousSibling = node;
    else this.tail = node;
    return node;
  }

  removeChild<T extends LightNode>(node: T): T {
    if (node.previousSibling) node.previousSibling.nextSibling = node.nextSibling;
    else this.head = node.nextSibling;
    if (node.nextSibling) node.nextSibling.previousSibling = node.previousSibling;
    else this.tail = node.previousSibling;
    node.parentNode = null;
    node.previousSibling = null;
    node.nextSibling = null;
    return node;
  }
}

/**
 * A <template>: its parsed children live in a separate fragment. As in happy-dom, firstChild and lastChild
 * show them (so ProseMirror reads them), while childNodes, textContent and querySelector see none.
 */
export class LightTemplate extends LightElement {
  readonly content = new LightElement('#document-fragment', false);

  constructor() {
    super('template', false);
  }

  override get firstChild(): LightNode | null {
    return this.content.head;
  }

  override get lastChild(): LightNode | null {
    return this.content.tail;
  }
}

/** Lower-cases A-Z only, as HTML does with tag and attribute names (a Turkish İ stays as it is). */
export function asciiLower(text: string): string {
  return /[A-Z]/.test(text) ? text.replace(/[A-Z]+/g, (s) => s.toLowerCase()) : text;
}
