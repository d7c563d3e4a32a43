/** The modifier the shortcuts use: Cmd on macOS, Ctrl elsewhere (TipTap's "Mod"). */
export const MOD =
  typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? 'Cmd' : 'Ctrl';

/** Every shortcut of the body, for the help panel: [keys, i18n key of the action]. */
export const SHORTCUTS: ReadonlyArray<readonly [string, string, Record<string, unknown>?]> = [
  [`${MOD}+B`, 'toolbar.bold'],
  [`${MOD}+I`, 'toolbar.italic'],
  [`${MOD}+U`, 'toolbar.underline'],
  [`${MOD}+Shift+S`, 'toolbar.strike'],
  [`${MOD}+.`, 'toolbar.superscript'],
  [`${MOD}+K`, 'toolbar.link'],
  [`${MOD}+Alt+0`, 'toolbar.paragraph'],
  [`${MOD}+Alt+2`, 'toolbar.heading', { level: 2 }],
  [`${MOD}+Alt+3`, 'toolbar.heading', { level: 3 }],
  [`${MOD}+Alt+4`, 'toolbar.heading', { level: 4 }],
  [`${MOD}+Shift+8`, 'toolbar.bulletList'],
  [`${MOD}+Shift+7`, 'toolbar.orderedList'],
  [`${MOD}+Shift+B`, 'toolbar.blockquote'],
  [`${MOD}+Z`, 'toolbar.undo'],
  [`${MOD}+Shift+Z`, 'toolbar.redo'],
  [`${MOD}+Y`, 'toolbar.redo'],
  [`${MOD}+Shift+V`, 'shortcuts.plainPaste'],
  [`${MOD}+F`, 'toolbar.find'],
  [`${MOD}+Shift+K`, 'shortcuts.search'],
  ['Shift+Enter', 'shortcuts.hardBreak'],
  ['Backspace', 'shortcuts.undoTypography'],
  [`${MOD}+/`, 'shortcuts.help'],
  [`${MOD}+Alt+M`, 'comments.commentShortcut'],
  [`${MOD}+Shift+E`, 'suggestions.mode'],
];
