/**
 * React saves and restores the selection of the focused element around every commit of any component. When
 * that element is a contenteditable it measures the selection by walking the element's whole DOM
 * (getSelectionInformation in react-dom; opting out was asked for in facebook/react#1350 and never offered).
 * With a 20,000-word body focused that walk costs milliseconds per commit, so every save-status change, list
 * refresh or word-count update while the writer types grew with the article's length.
 *
 * ProseMirror owns the body's selection and restores it itself; React's copy is never needed. React
 * recognises an editable by `element.contentEditable === 'true'`, so the body's element answers 'inherit'
 * to that property (the attribute, which the browser and ProseMirror use, stays "true"). ProseMirror only
 * compares that property of child nodes with "false", which this does not change.
 */
export function keepReactOffSelection(element: HTMLElement): void {
  const own = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'contentEditable');
  if (!own?.get || !own.set) return;
  const { get, set } = own;
  Object.defineProperty(element, 'contentEditable', {
    configurable: true,
    get(this: HTMLElement) {
      const value = get.call(this) as string;
      return value === 'true' ? 'inherit' : value;
    },
    set(this: HTMLElement, value: string) {
      set.call(this, value);
    },
  });
}
