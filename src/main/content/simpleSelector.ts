import type { LightElement } from './lightDom';

interface Compound {
  /** Lower case; undefined for any element. */
  tag: string | undefined;
  classes: string[];
  attributes: { name: string; value: string | undefined }[];
}

const compiled = new Map<string, Compound>();
const PART = /^(?:\.([\w-]+)|\[\s*([\w:-]+)\s*(?:=\s*(?:"([^"]*)"|'([^']*)'|([\w-]+))\s*)?\])/;

/**
 * The selectors the body schema's parse rules use (`figure.pull-quote`, `span[data-thread-id]`, `img`,
 * `.image-caption`): one compound of a tag, classes and attribute tests. Anything richer throws, so a parse
 * rule written later with a selector this does not know fails in the tests instead of silently not matching.
 */
function compile(selector: string): Compound {
  const head = /^\s*([a-zA-Z][\w-]*|\*)?/.exec(selector)!;
  const tag = head[1] && head[1] !== '*' ? head[1].toLowerCase() : undefined;
  const compound: Compound = { tag, classes: [], attributes: [] };
  let rest = selector.slice(head[0].length).trimEnd();
  while (rest) {
    const part = PART.exec(rest);
    if (!part) throw new Error(`The HTML reader does not support the selector "${selector}".`);
    if (part[1]) compound.classes.push(part[1]);
    else compound.attributes.push({ name: part[2]!, value: part[3] ?? part[4] ?? part[5] });
    rest = rest.slice(part[0].length);
  }
  return compound;
}

export function matchesSelector(element: LightElement, selector: string): boolean {
  let compound = compiled.get(selector);
  if (!compound) {
    compound = compile(selector);
    compiled.set(selector, compound);
  }
  if (compound.tag !== undefined && compound.tag !== element.tagName.toLowerCase()) return false;
  for (const { name, value } of compound.attributes) {
    const actual = element.getAttribute(name);
    if (actual === null || (value !== undefined && actual !== value)) return false;
  }
  if (compound.classes.length > 0) {
    const names = (element.getAttribute('class') ?? '').split(/[\t\n\f\r ]+/);
    if (!compound.classes.every((c) => names.includes(c))) return false;
  }
  return true;
}
