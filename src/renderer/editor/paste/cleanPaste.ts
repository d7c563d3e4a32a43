import { isAllowedLinkHref } from '../../../shared/editor/links';

/**
 * Cleans clipboard HTML from Word, LibreOffice, Google Docs and web pages before the editor reads it.
 * Keeps: headings (h1 becomes h2, h5/h6 become h4), paragraphs, bold, italic, http/https/mailto links,
 * bullet and numbered lists (Word's fake lists made real, Google Docs' flat levels nested) and line breaks.
 * Drops: fonts, colours, inline styles, classes, empty paragraphs, Word's conditional comments and markers,
 * images, tables' structure (their text stays), scripts, styles, iframes, objects, forms, event handlers and
 * any other link. The input is parsed into an inert document (nothing loads or runs) and the output is
 * rebuilt from scratch with only the allowed tags and the one allowed attribute (href), so nothing else can
 * come through.
 */

type Block = 'p' | 'h2' | 'h3' | 'h4';
interface Inline {
  bold: boolean;
  italic: boolean;
  href: string | undefined;
}

/** Elements whose content is never text for the article. */
const DROP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'svg',
  'math',
  'canvas',
  'video',
  'audio',
  'img',
  'picture',
  'source',
  'input',
  'button',
  'select',
  'textarea',
  'head',
  'title',
  'meta',
  'link',
  'base',
  'xml',
  'o:p',
]);

const BLOCKS = new Set([
  'p',
  'div',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'section',
  'article',
  'header',
  'footer',
  'aside',
  'main',
  'nav',
  'figure',
  'figcaption',
  'pre',
  'address',
  'tr',
  'dt',
  'dd',
  'center',
]);

const HEADINGS: Record<string, Block> = { h1: 'h2', h2: 'h2', h3: 'h3', h4: 'h4', h5: 'h4', h6: 'h4' };

function styleOf(el: Element): string {
  return (el.getAttribute('style') ?? '').toLowerCase().replace(/\s+/g, '');
}

function isBoldStyle(style: string): boolean | undefined {
  const m = /font-weight:(\w+)/.exec(style);
  if (!m?.[1]) return undefined;
  const w = m[1];
  if (w === 'bold' || w === 'bolder') return true;
  if (w === 'normal' || w === 'lighter') return false;
  const n = Number(w);
  return Number.isFinite(n) ? n >= 600 : undefined;
}

function isItalicStyle(style: string): boolean | undefined {
  const m = /font-style:(\w+)/.exec(style);
  if (!m?.[1]) return undefined;
  return m[1] === 'italic' || m[1] === 'oblique';
}

const escapeText = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (text: string): string => escapeText(text).replace(/"/g, '&quot;');

/** Word list paragraphs: <p class=MsoListParagraph style="mso-list:l0 level2 lfo1">. */
function wordListLevel(el: Element): { list: string; level: number } | undefined {
  const m = /mso-list:(l\d+)level(\d+)/.exec(styleOf(el));
  if (!m?.[1] || !m[2]) return undefined;
  return { list: m[1], level: Number(m[2]) };
}

/** Whether a Word list marker ("1.", "a)", "iv.", "·", "o", "§") numbers the list. */
function markerIsOrdered(marker: string): boolean {
  const m = marker.replace(/\s|\u00a0/g, '');
  return /^(\d+|[a-z]|[ivxlcdm]+)[.)]$/i.test(m);
}

/** Builds the cleaned HTML. */
class Writer {
  out = '';
  private block: Block | undefined;
  private blockHasText = false;
  private open: Inline = { bold: false, italic: false, href: undefined };
  private inHeading = false;

  private closeInline(): void {
    if (this.open.href !== undefined) this.out += '</a>';
    if (this.open.italic) this.out += '</em>';
    if (this.open.bold) this.out += '</strong>';
    this.open = { bold: false, italic: false, href: undefined };
  }

  startBlock(kind: Block): void {
    this.endBlock();
    this.block = kind;
    this.blockHasText = false;
    this.inHeading = kind !== 'p';
    this.out += `<${kind}>`;
  }

  endBlock(): void {
    if (!this.block) return;
    this.closeInline();
    if (!this.blockHasText) {
      // An empty paragraph (Word's <o:p>&nbsp;</o:p>, Google Docs' <br> spacers): dropped.
      const start = this.out.lastIndexOf(`<${this.block}>`);
      this.out = this.out.slice(0, start);
    } else this.out += `</${this.block}>`;
    this.block = undefined;
    this.inHeading = false;
  }

  raw(html: string): void {
    this.endBlock();
    this.out += html;
  }

  text(text: string, style: Inline): void {
    if (!text) return;
    if (!this.block) this.startBlock('p');
    const wanted: Inline = this.inHeading ? { bold: false, italic: false, href: style.href } : style;
    if (
      wanted.bold !== this.open.bold ||
      wanted.italic !== this.open.italic ||
      wanted.href !== this.open.href
    ) {
      this.closeInline();
      if (wanted.bold) this.out += '<strong>';
      if (wanted.italic) this.out += '<em>';
      if (wanted.href !== undefined) this.out += `<a href="${escapeAttr(wanted.href)}">`;
      this.open = { ...wanted };
    }
    this.out += escapeText(text);
    if (/[^\s\u00a0]/.test(text)) this.blockHasText = true;
  }

  lineBreak(): void {
    if (!this.block || !this.blockHasText) return;
    this.closeInline();
    this.out += '<br>';
  }
}

function walkInline(node: Node, style: Inline, w: Writer, list: ListBuilder): void {
  if (node.nodeType === 3) {
    w.text((node.nodeValue ?? '').replace(/[\r\n]+/g, ' '), style);
    return;
  }
  if (node.nodeType !== 1) return; // comments (Word's conditional ones included) and the rest: dropped
  const el = node as Element;
  const tag = el.tagName.toLowerCase();
  if (DROP.has(tag) || tag.includes(':') || el.getAttribute('hidden') !== null) return;
  if (/mso-list:ignore|display:none/.test(styleOf(el))) return; // Word's list markers, hidden text

  if (tag === 'ul' || tag === 'ol') {
    list.fromHtmlList(el, w, 1);
    return;
  }
  if (tag === 'br') return w.lineBreak();

  const heading =
    HEADINGS[tag] ?? (tag === 'p' && /mso(title|heading)/i.test(el.className) ? 'h2' : undefined);
  const block = heading ?? (BLOCKS.has(tag) ? 'p' : undefined);
  if (tag === 'li') {
    // A stray list item outside a list: its text as a paragraph.
    w.startBlock('p');
  } else if (block) {
    // A block inside a block (a <p> in a <div>, a Google Docs <p> in its <b> wrapper): the inner one wins.
    const hasBlockChild = [...el.children].some((c) => {
      const t = c.tagName.toLowerCase();
      return BLOCKS.has(t) || t === 'ul' || t === 'ol' || t === 'table' || t in HEADINGS;
    });
    if (!hasBlockChild) w.startBlock(block);
  }

  const next: Inline = { ...style };
  const css = styleOf(el);
  if (tag === 'b' || tag === 'strong') next.bold = isBoldStyle(css) ?? true;
  else if (tag === 'i' || tag === 'em' || tag === 'cite') next.italic = isItalicStyle(css) ?? true;
  else {
    next.bold = isBoldStyle(css) ?? next.bold;
    next.italic = isItalicStyle(css) ?? next.italic;
  }
  if (tag === 'a') {
    const href = el.getAttribute('href')?.trim();
    next.href = href && isAllowedLinkHref(href) ? href : undefined;
  }
  for (const child of [...el.childNodes]) walkInline(child, next, w, list);
  if (block && tag !== 'li') w.endBlock();
  if (tag === 'td' || tag === 'th') w.text(' ', style);
}

const PLAIN: Inline = { bold: false, italic: false, href: undefined };

/** Lists: real ones, Google Docs' flat ones with aria-level, and Word's paragraphs with mso-list. */
class ListBuilder {
  fromHtmlList(el: Element, w: Writer, _nesting: number): void {
    const tag = el.tagName.toLowerCase() === 'ol' ? 'ol' : 'ul';
    w.raw(`<${tag}>`);
    // Google Docs writes nested levels as a flat list with aria-level on each item.
    let depth = 1;
    const itemOpen: boolean[] = [false, false];
    for (const item of [...el.children]) {
      const itemTag = item.tagName.toLowerCase();
      if (itemTag === 'ul' || itemTag === 'ol') {
        // A list directly inside a list (some web pages): it belongs to the previous item.
        if (!itemOpen[depth]) w.raw('<li>');
        itemOpen[depth] = true;
        this.fromHtmlList(item, w, depth + 1);
        continue;
      }
      const level = Math.min(Math.max(Number(item.getAttribute('aria-level') ?? '1') || 1, 1), depth + 1);
      while (depth > level) {
        if (itemOpen[depth]) w.raw('</li>');
        w.raw(`</${tag}>`);
        depth--;
      }
      if (level > depth) {
        if (!itemOpen[depth]) w.raw('<li>');
        itemOpen[depth] = true;
        w.raw(`<${tag}>`);
        depth++;
        itemOpen[depth] = false;
      }
      if (itemOpen[depth]) w.raw('</li>');
      w.raw('<li>');
      this.itemContent(item, w);
      itemOpen[depth] = true;
    }
    for (; depth >= 1; depth--) {
      if (itemOpen[depth]) w.raw('</li>');
      if (depth > 1) w.raw(`</${tag}>`);
    }
    w.raw(`</${tag}>`);
  }

  private itemContent(item: Element, w: Writer): void {
    w.startBlock('p');
    for (const child of [...item.childNodes]) {
      const t = child.nodeType === 1 ? (child as Element).tagName.toLowerCase() : '';
      if (t === 'ul' || t === 'ol') {
        w.endBlock();
        this.fromHtmlList(child as Element, w, 2);
        continue;
      }
      walkInline(child, PLAIN, w, this);
    }
    w.endBlock();
  }
}

/** The element after el, skipping white space and comments. */
function nextElement(el: Element): Element | null {
  let node = el.nextSibling;
  while (node && (node.nodeType === 8 || (node.nodeType === 3 && !/\S/.test(node.nodeValue ?? ''))))
    node = node.nextSibling;
  return node && node.nodeType === 1 ? (node as Element) : null;
}

/**
 * Word writes lists as paragraphs with mso-list:lN levelM and a typed marker ("1.", "·", "o"): turn each run
 * of them into real nested <ul>/<ol> (numbered when the marker is a number or letter), markers removed.
 */
function rebuildWordLists(doc: Document): void {
  const done = new Set<Element>();
  for (const first of [...doc.querySelectorAll('p')]) {
    if (done.has(first) || !wordListLevel(first)) continue;
    const group: Element[] = [first];
    for (
      let next = nextElement(first);
      next && next.tagName === 'P' && wordListLevel(next);
      next = nextElement(next)
    )
      group.push(next);
    const stack: Array<{ level: number; list: Element; lastItem: Element | undefined }> = [];
    const anchor = doc.createElement('div');
    first.before(anchor);
    for (const p of group) {
      done.add(p);
      const level = wordListLevel(p)?.level ?? 1;
      const markers = [...p.querySelectorAll('span')].filter((s) => /mso-list:ignore/.test(styleOf(s)));
      const ordered = markerIsOrdered(markers.map((m) => m.textContent ?? '').join(''));
      for (const m of markers) m.remove();
      while (stack.length && (stack.at(-1)?.level ?? 0) > level) stack.pop();
      let top = stack.at(-1);
      if (!top || top.level < level) {
        const list = doc.createElement(ordered ? 'ol' : 'ul');
        (top?.lastItem ?? anchor).append(list);
        top = { level, list, lastItem: undefined };
        stack.push(top);
      }
      const item = doc.createElement('li');
      item.append(...p.childNodes);
      top.list.append(item);
      top.lastItem = item;
      p.remove();
    }
    anchor.replaceWith(...anchor.childNodes);
  }
}

/** Cleans clipboard HTML; `parse` turns a string into an inert document (DOMParser in the editor). */
export function cleanPastedHtml(
  html: string,
  parse: (html: string) => Document = (h) => new DOMParser().parseFromString(h, 'text/html'),
): string {
  // Word's conditional comments: the downlevel-revealed kind (<![if !supportLists]>…<![endif]>) wraps list (<!--[if gte mso 9]>…<![endif]-->) is XML.
  // markers (read below, then dropped); the hidden kind (<!--[if gte mso 9]>…<![endif]-->) is XML settings.
  const doc = parse(html.replace(/<!--\[if[\s\S]*?<!\[endif\]-->/gi, ''));
  rebuildWordLists(doc);
  const w = new Writer();
  const list = new ListBuilder();
  for (const child of [...doc.body.childNodes]) walkInline(child, PLAIN, w, list);
  w.endBlock();
  return w.out;
}
