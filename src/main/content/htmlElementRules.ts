/**
 * How happy-dom 20 nests HTML elements while parsing (its config/HTMLElementConfig.js, the entries that are
 * not "any content"), which htmlFragment.ts follows: void elements, <p> closed by blocks, <li> and headings
 * not nested in themselves, no <a> in <a>, table parts. Lookups go by lower-case tag name.
 */
export interface ElementRule {
  content: 'any' | 'noSelf' | 'noFirstLevelSelf' | 'noForbiddenFirstLevel' | 'none' | 'permitted' | 'rawText';
  /** noForbiddenFirstLevel: a child with one of these names closes the element first. */
  forbidden?: readonly string[];
  /** permitted: the only children it takes. */
  permitted?: readonly string[];
  /** The only parents it may have. */
  parents?: readonly string[];
  /** The parent made for it when it has none of `parents` (a <tbody> for a <tr>). */
  addParent?: string;
  /** permitted: children other than these are moved in front of the element. */
  moveExcept?: readonly string[];
}

export const HTML_ELEMENTS: Record<string, ElementRule | undefined> = {
  a: { content: 'noSelf' },
  area: { content: 'none' },
  base: { content: 'none' },
  input: { content: 'none' },
  script: { content: 'rawText' },
  img: { content: 'none' },
  link: { content: 'none' },
  style: { content: 'rawText' },
  meta: { content: 'none' },
  br: { content: 'none' },
  caption: {
    content: 'noForbiddenFirstLevel',
    forbidden: ['table', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th', 'col', 'colgroup'],
    parents: ['table'],
  },
  col: { content: 'none', parents: ['colgroup'] },
  colgroup: { content: 'permitted', permitted: ['col'] },
  dd: { content: 'noForbiddenFirstLevel', forbidden: ['dt', 'dd'] },
  dt: { content: 'noForbiddenFirstLevel', forbidden: ['dt', 'dd'] },
  embed: { content: 'none' },
  h1: { content: 'noFirstLevelSelf' },
  h2: { content: 'noFirstLevelSelf' },
  h3: { content: 'noFirstLevelSelf' },
  h4: { content: 'noFirstLevelSelf' },
  h5: { content: 'noFirstLevelSelf' },
  h6: { content: 'noFirstLevelSelf' },
  hr: { content: 'none' },
  li: { content: 'noFirstLevelSelf' },
  optgroup: { content: 'noFirstLevelSelf' },
  option: { content: 'noForbiddenFirstLevel', forbidden: ['option', 'optgroup'] },
  p: {
    content: 'noForbiddenFirstLevel',
    forbidden: [
      'address',
      'article',
      'aside',
      'blockquote',
      'details',
      'dialog',
      'div',
      'dl',
      'fieldset',
      'figcaption',
      'figure',
      'footer',
      'form',
      'h1',
      'h2',
      'h3',
      'h4',
      'h5',
      'h6',
      'header',
      'hgroup',
      'hr',
      'main',
      'menu',
      'nav',
      'ol',
      'p',
      'pre',
      'section',
      'table',
      'ul',
    ],
  },
  param: { content: 'none' },
  rp: { content: 'noForbiddenFirstLevel', forbidden: ['rp', 'rt'] },
  rt: { content: 'noForbiddenFirstLevel', forbidden: ['rp', 'rt'] },
  source: { content: 'none' },
  table: {
    content: 'permitted',
    permitted: ['caption', 'colgroup', 'thead', 'tfoot', 'tbody'],
    moveExcept: [],
  },
  tbody: {
    content: 'permitted',
    permitted: ['tr'],
    parents: ['table'],
    moveExcept: ['caption', 'colgroup', 'thead', 'tfoot', 'tbody'],
  },
  td: {
    content: 'noForbiddenFirstLevel',
    forbidden: ['td', 'th', 'tr', 'tbody', 'tfoot', 'thead'],
    parents: ['tr'],
  },
  tfoot: {
    content: 'permitted',
    permitted: ['tr'],
    parents: ['table'],
    moveExcept: ['caption', 'colgroup', 'thead', 'tfoot', 'tbody'],
  },
  th: {
    content: 'noForbiddenFirstLevel',
    forbidden: ['td', 'th', 'tr', 'tbody', 'tfoot', 'thead'],
    parents: ['tr'],
  },
  thead: {
    content: 'permitted',
    permitted: ['tr'],
    parents: ['table'],
    moveExcept: ['caption', 'colgroup', 'thead', 'tfoot', 'tbody'],
  },
  tr: {
    content: 'permitted',
    permitted: ['td', 'th'],
    parents: ['tbody', 'tfoot', 'thead'],
    addParent: 'tbody',
    moveExcept: ['caption', 'colgroup', 'thead', 'tfoot', 'tbody', 'tr'],
  },
  track: { content: 'none' },
  wbr: { content: 'none' },
};

/**
 * The SVG elements happy-dom knows, in their SVG spelling. Inside <svg> a known name takes this spelling
 * whatever case it was written in (so <STYLE> becomes "style" and only </style> closes it); an unknown one
 * keeps the case it was written in.
 */
const SVG_NAMES =
  'svg animate animateMotion animateTransform circle clipPath defs desc ellipse feBlend feColorMatrix feComponentTransfer feComposite feConvolveMatrix feDiffuseLighting feDisplacementMap feDistantLight feDropShadow feFlood feFuncA feFuncB feFuncG feFuncR feGaussianBlur feImage feMerge feMergeNode feMorphology feOffset fePointLight feSpecularLighting feSpotLight feTile feTurbulence filter foreignObject g image line linearGradient marker mask metadata mpath path pattern polygon polyline radialGradient rect script set stop style switch symbol text textPath title tspan use view';

export const SVG_LOCAL_NAMES: ReadonlyMap<string, string> = new Map(
  SVG_NAMES.split(' ').map((name) => [name.toLowerCase(), name]),
);
