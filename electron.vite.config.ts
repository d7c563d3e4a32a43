import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { EDITOR_PACKAGES } from './src/main/core/editorPackages';
import { RENDERER_CSP } from './src/shared/security/csp';

const manifest = JSON.parse(readFileSync(resolve(__dirname, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
};
const editorPackages = Object.keys(manifest.dependencies).filter((name) => EDITOR_PACKAGES.test(name));

/** States the one CSP in index.html, so the page carries it whichever transport serves it. */
function cspMetaTag(): Plugin {
  return {
    name: 'redac-csp-meta',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: RENDERER_CSP },
        injectTo: 'head-prepend',
      },
    ],
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // The editor's packages are bundled from their ES modules: ProseMirror's CommonJS build compiles its
      // classes down for old engines and took ~7x the CPU to build and check a body (core/threadScript.ts,
      // which bundles the threads the same way when they run from source).
      externalizeDeps: { exclude: editorPackages },
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/app/main.ts'),
          host: resolve(__dirname, 'src/main/host/cli.ts'),
          // An import reads its file and converts HTML in this worker thread (importing/readInThread.ts).
          readerThread: resolve(__dirname, 'src/main/importing/readerThread.ts'),
          // An older store's schema is upgraded at start-up in this worker thread (db/upgradeInThread.ts).
          upgradeThread: resolve(__dirname, 'src/main/db/upgradeThread.ts'),
          // A backup copies the store in this worker thread, on its own connection (backup/copyInThread.ts).
          copyThread: resolve(__dirname, 'src/main/backup/copyThread.ts'),
          // WAL checkpoints run in this worker thread, on a connection of its own (db/checkpointInThread.ts).
          checkpointThread: resolve(__dirname, 'src/main/db/checkpointThread.ts'),
          // Old trees a large upgrade left are emptied in quiet seconds in this worker thread (db/leftoverDrops.ts).
          leftoverThread: resolve(__dirname, 'src/main/db/leftoverThread.ts'),
        },
      },
    },
  },
  preload: {
    // A sandboxed preload can require nothing but electron: bundle the contract and zod into it.
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: { input: { index: resolve(__dirname, 'src/preload/index.ts') } },
    },
  },
  renderer: {
    root: 'src/renderer',
    plugins: [react(), cspMetaTag()],
    build: {
      outDir: 'out/renderer',
      // electron-vite leaves the renderer unminified; minified, it parses faster when a window opens.
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
  },
});
