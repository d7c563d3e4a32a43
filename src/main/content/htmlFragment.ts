import { decodeHTML, decodeHTMLAttribute } from 'entities';
import { asciiLower, LightComment, LightElement, LightTemplate, LightText, type LightNode } from './lightDom';
import { HTML_ELEMENTS, SVG_LOCAL_NAMES, type ElementRule } from './htmlElementRules';

/*
 * An HTML fragment read into light nodes (lightDom.ts) the way happy-dom's innerHTML reads it into a <div>:
 * the same tokens (its markup and attribute patterns), the same repairs of malformed HTML (a <p> closed by a
 * block, <li> by <li>, nested <a>, rows moved out of a table, html/head/body dropped, a <script> swallowing
 * the rest of an unterminated body), the same entities. Bodies were read through happy-dom until now, and
 * stored documents, revision hashes and the pull/conflict comparisons with a site depend on reading the same
 * HTML into the same body, so this follows it step for step (happy-dom 20, lib/html-parser/HTMLParser.js,
 * fragment mode) rather than a browser's or htmlparser2's rules. tests/main/content/htmlFragment.test.ts
 * checks the two readings give the same documents.
 */

/** 1: start tag, 2: end tag, 3: "<!--", 4: "-->", 5: "<!", 6: "<?", 7: "/>", 8: ">". */
const MARKUP = /<([^\s/!>?]+)|<\/([^\s/!>?]+)\s*>|(<!--)|(-->|--!>)|(<!)|(<\?)|(\/>)|(>)/gm;
/** name=value | name="value" (closing quote) | name='value' (closing quote) | name. */
const ATTRIBUTE =
  /\s*([a-zA-Z0-9-_:.$@?\\<[\]]+)\s*=\s*([^"'=<>\\`\s]+)|\s*([a-zA-Z0-9-_:.$@?\\<[\]]+)\s*=\s*"([^"]*)("{0,1})|\s*([a-zA-Z0-9-_:.$@?\\<[\]]+)\s*=\s*'([^']*)('{0,1})|\s*([a-zA-Z0-9-_:.$@?\\<[\]]+)/gm;

const enum Read {
  Any,
  StartTag,
  Comment,
  DocumentType,
  ProcessingInstruction,
  RawText,
}

const NONE: ElementRule = { content: 'any' };

class FragmentReader {
  private readonly root: LightElement;
  private readonly stack: LightElement[];
  /** The tag names of `stack`, with null for the root, as happy-dom keeps them. */
  private readonly names: (string | null)[] = [null];
  private current: LightElement;
  private next: LightElement | null = null;
  private state = Read.Any;
  private startIndex = 0;
  private readonly markup = new RegExp(MARKUP);

  constructor(private readonly html: string) {
    this.root = new LightElement('div', false);
    this.stack = [this.root];
    this.current = this.root;
  }

  read(): LightElement {
    const html = this.html;
    let match: RegExpExecArray | null;
    let lastIndex = 0;
    while ((match = this.markup.exec(html))) {
      switch (this.state) {
        case Read.Any:
          if (
            match.index !== lastIndex &&
            (match[1] || match[2] || match[3] || match[4] || match[5] !== undefined || match[6])
          )
            this.text(html.substring(lastIndex, match.index));
          if (match[1]) {
            this.next = this.startTagElement(match[1]);
            this.startIndex = this.markup.lastIndex;
            this.state = Read.StartTag;
          } else if (match[2]) this.endTag(match[2]);
          else if (match[3]) {
            this.startIndex = this.markup.lastIndex;
            this.state = Read.Comment;
          } else if (match[5] !== undefined) {
            this.startIndex = this.markup.lastIndex;
            this.state = Read.DocumentType;
          } else if (match[6]) {
            this.startIndex = this.markup.lastIndex;
            this.state = Read.ProcessingInstruction;
          }
          // A stray "-->", "/>" or ">" is text, read again from the previous token as happy-dom does.
          else this.text(html.substring(lastIndex, this.markup.lastIndex));
          break;
        case Read.StartTag:
          // An end tag also ends an unclosed start tag ("<div\n</ul>").
          if (match[7] || match[8] || match[2]) {
            if (this.next) {
              const end = match[2] ? this.markup.lastIndex - 1 : match.index;
              this.endOfStartTag(html.substring(this.startIndex, end), !!match[7]);
            } else this.state = Read.Any;
          }
          break;
        case Read.Comment:
          if (match[4]) this.comment(html.substring(this.startIndex, match.index));
          else if (match[3]) this.markup.lastIndex -= 2;
          break;
        case Read.DocumentType:
          if (match[7] || match[8]) this.documentType(html.substring(this.startIndex, match.index));
          break;
        case Read.ProcessingInstruction:
          if (match[7] || match[8]) this.comment('?' + html.substring(this.startIndex, match.index));
          break;
        case Read.RawText:
          if (match[2]) this.rawTextContent(match[2], html.substring(this.startIndex, match.index));
          break;
      }
      lastIndex = this.markup.lastIndex;
    }
    if (lastIndex !== html.length) this.text(html.substring(lastIndex));
    return this.root;
  }

  private append(parent: LightElement, node: LightNode): void {
    (parent instanceof LightTemplate ? parent.content : parent).appendChild(node);
  }

  private text(text: string): void {
    this.append(this.current, new LightText(decodeHTML(text)));
  }

  private comment(text: string): void {
    this.append(this.current, new LightComment(text));
    this.state = Read.Any;
  }

  private documentType(text: string): void {
    const decoded = decodeHTML(text);
    if (!isDocumentType(decoded)) this.comment(decoded);
    this.state = Read.Any;
  }

  private pop(): void {
    this.stack.pop();
    this.names.pop();
    this.current = this.stack[this.stack.length - 1] ?? this.root;
  }

  private startTagElement(name: string): LightElement | null {
    const lower = asciiLower(name);
    if (lower === 'svg') return new LightElement('svg', true);
    if (this.current.isSvg) return new LightElement(SVG_LOCAL_NAMES.get(lower) ?? name, true);
    // No html, head or body inside a fragment: the tag is dropped, its content kept.
    if (lower === 'html' || lower === 'head' || lower === 'body') return null;
    return lower === 'template' ? new LightTemplate() : new LightElement(lower, false);
  }

  private endOfStartTag(attributeText: string, selfClosed: boolean): void {
    const element = this.next!;
    if (attributeText) {
      const pattern = new RegExp(ATTRIBUTE);
      let m: RegExpExecArray | null;
      while ((m = pattern.exec(attributeText))) {
        if ((m[1] && m[2]) || (m[3] && m[5] === '"') || (m[6] && m[8] === "'") || m[9]) {
          const written = m[1] || m[3] || m[6] || m[9] || '';
          const raw = m[2] || m[4] || m[7] || '';
          const name = element.isSvg ? written : asciiLower(written);
          if (!element.attributes.has(name))
            element.attributes.set(name, raw ? decodeHTMLAttribute(raw) : '');
          this.startIndex += m[0].length;
        } else if (!m[1] && ((m[3] && !m[5]) || (m[6] && !m[8]))) {
          // A quote is not closed yet ("title='a>b'"): the start tag goes on to the next ">".
          return;
        }
      }
    }
    const tagName = element.tagName;
    const lower = tagName.toLowerCase();
    const rule = HTML_ELEMENTS[lower];
    let previous: LightElement | null = null;
    while (previous !== this.root) {
      const parentLower = this.current.tagName.toLowerCase();
      const parentRule = HTML_ELEMENTS[parentLower] ?? NONE;
      previous = this.current;
      const added = rule?.addParent ? HTML_ELEMENTS[rule.addParent]! : undefined;
      const addedFits =
        added !== undefined &&
        (!added.parents || added.parents.includes(parentLower)) &&
        (!added.permitted || added.permitted.includes(lower));
      if (
        (rule?.content === 'noFirstLevelSelf' && this.names[this.names.length - 1] === tagName) ||
        (parentRule.content === 'noForbiddenFirstLevel' && parentRule.forbidden!.includes(lower)) ||
        (parentRule.content === 'permitted' && !parentRule.permitted!.includes(lower) && !addedFits)
      ) {
        // Table parts out of place go in front of the table; everything else closes the open element.
        if (
          parentRule.content === 'permitted' &&
          parentRule.moveExcept &&
          !parentRule.moveExcept.includes(lower)
        ) {
          let before: LightElement = this.current;
          for (;;) {
            const parent = before.parentNode;
            const permitted = parent ? HTML_ELEMENTS[unprefixed(parent.localName)]?.permitted : undefined;
            if (!parent || !permitted || permitted.includes(lower)) break;
            before = parent;
          }
          if (before.parentNode) before.parentNode.insertBefore(element, before);
          else this.append(before, element);
          this.startIndex = this.markup.lastIndex;
          this.state = Read.Any;
          return;
        }
        this.pop();
      } else if (rule?.content === 'noSelf' && this.names.includes(tagName)) {
        while (this.current !== this.root) {
          const closing = this.current.tagName === tagName;
          this.pop();
          if (closing) break;
        }
      } else if (rule?.parents && !rule.parents.includes(parentLower)) {
        // A row outside a table section gets a <tbody>; a cell or section outside a table is dropped.
        if (!added || !addedFits) {
          this.state = Read.Any;
          this.startIndex = this.markup.lastIndex;
          return;
        }
        const section = new LightElement(rule.addParent!, false);
        this.append(this.current, section);
        this.stack.push(section);
        this.names.push(section.tagName);
        this.current = section;
      } else break;
    }
    this.append(this.current, element);
    this.current = element;
    this.stack.push(element);
    this.names.push(tagName);
    if (rule?.content === 'none' || (selfClosed && element.isSvg)) {
      this.pop();
      this.state = Read.Any;
    } else this.state = rule?.content === 'rawText' ? Read.RawText : Read.Any;
    this.startIndex = this.markup.lastIndex;
  }

  private endTag(name: string): void {
    const upper = this.current.isSvg ? (SVG_LOCAL_NAMES.get(asciiLower(name)) ?? name) : asciiUpper(name);
    const index = this.names.lastIndexOf(upper);
    if (index !== -1) {
      this.stack.splice(index);
      this.names.splice(index);
      this.current = this.stack[this.stack.length - 1] ?? this.root;
    }
  }

  /** A <script> or <style> takes everything up to its own end tag as text, entities and all. */
  private rawTextContent(name: string, text: string): void {
    if (asciiUpper(name) !== this.current.tagName) return;
    const element = this.current;
    this.append(element, new LightText(text));
    this.pop();
    this.state = Read.Any;
    this.append(this.current, element);
  }
}

/** "o:p" is looked up as "p", as happy-dom keys its element rules by local name here. */
function unprefixed(name: string): string {
  const parts = name.split(':');
  return parts[1] ?? parts[0]!;
}

function asciiUpper(text: string): string {
  return /[a-z]/.test(text) ? text.replace(/[a-z]+/g, (s) => s.toUpperCase()) : text;
}

function isDocumentType(text: string): boolean {
  return text.toUpperCase().startsWith('DOCTYPE') && text.split(/\s+/).length > 1;
}

/** Reads an HTML fragment as a <div>'s innerHTML would be read; the div is returned. */
export function readHtmlFragment(html: string): LightElement {
  return new FragmentReader(String(html)).read();
}
