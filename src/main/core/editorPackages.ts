/**
 * The editor's packages, bundled from their ES modules into the built main process (electron.vite.config.ts)
 * and into the threads run from source (core/threadScript.ts); every other package is left to Node.
 * ProseMirror's CommonJS build (what `require` finds) compiles its classes down for old engines: building and
 * checking a body took ~7x the CPU of the ES module build (~45 against ~6 µs per archive body), and every
 * imported WordPress post's HTML goes through it.
 */
export const EDITOR_PACKAGES = /^@tiptap\//;
