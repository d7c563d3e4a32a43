import { createRequire } from 'node:module';

/** The part of CSSStyleDeclaration that ProseMirror and the body's mark rules read. */
export interface InlineStyle {
  readonly length: number;
  getPropertyValue(name: string): string;
  readonly fontWeight: string;
  readonly fontStyle: string;
  readonly whiteSpace: string;
}

export const NO_STYLE: InlineStyle = {
  length: 0,
  getPropertyValue: () => '',
  fontWeight: '',
  fontStyle: '',
  whiteSpace: '',
};

interface PropertyManager {
  get(name: string): { value: string } | null;
  size(): number;
}
type PropertyManagerClass = new (options: { cssText: string }) => PropertyManager;

let Manager: PropertyManagerClass | undefined;

/**
 * happy-dom's CSS declaration parser alone (no window, no DOM: about 30 ms to load, against 1.2 s for the
 * whole of happy-dom), loaded the first time a body carries a style attribute. Bodies were read through
 * happy-dom's style objects until now, so using its parser keeps what `font: bold 1em serif`,
 * `font-weight: 700 !important` or an invalid value mean exactly as they were; a rewrite of CSS shorthand
 * rules would be a second, subtly different reading.
 */
function manager(): PropertyManagerClass {
  if (!Manager) {
    const load = createRequire(import.meta.url);
    const loaded = load('happy-dom/lib/css/declaration/property-manager/CSSPropertyManager.js') as {
      default: PropertyManagerClass;
    };
    Manager = loaded.default;
  }
  return Manager;
}

/** An element's style attribute read as the DOM reads it (later and !important declarations win). */
export function inlineStyle(cssText: string): InlineStyle {
  const properties = new (manager())({ cssText });
  const value = (name: string): string => properties.get(name)?.value || '';
  return {
    length: properties.size(),
    getPropertyValue: value,
    get fontWeight() {
      return value('font-weight');
    },
    get fontStyle() {
      return value('font-style');
    },
    get whiteSpace() {
      return value('white-space');
    },
  };
}
