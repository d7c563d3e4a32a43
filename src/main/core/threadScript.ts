import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EDITOR_PACKAGES } from './editorPackages';

const bundles = new Map<string, string>();

function externalPackages(root: string): string[] {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
  };
  return Object.keys({ ...manifest.dependencies, ...manifest.devDependencies })
    .filter((name) => !EDITOR_PACKAGES.test(name))
    .flatMap((name) => [name, `${name}/*`]);
}

/**
 * Run from source (tests, benches), a thread's script is bundled once per process with esbuild (a build
 * tool already installed) into the repository's .tmp/NAME.cjs, packages left to Node. Loading the .ts through
 * tsx instead took 2.5-3 s before the reader thread's first item at load 8, against about 0.8 s.
 */
function bundledFromSource(source: string, name: string): string {
  const known = bundles.get(name);
  if (known) return known;
  const root = join(dirname(source), '..', '..', '..');
  mkdirSync(join(root, '.tmp'), { recursive: true });
  // Built under this process's name, then renamed into place: test files running side by side each build
  // the same bundle, and a rename replaces the file whole.
  const building = join(root, '.tmp', `${name}-${process.pid}.cjs`);
  const out = join(root, '.tmp', `${name}.cjs`);
  const esbuild = createRequire(import.meta.url)('esbuild') as typeof import('esbuild');
  esbuild.buildSync({
    entryPoints: [source],
    outfile: building,
    bundle: true,
    external: externalPackages(root),
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'error',
    // Some modules load a few packages lazily from their own address (createRequire).
    banner: { js: "const __moduleUrl = require('node:url').pathToFileURL(__filename).href;" },
    define: { 'import.meta.url': '__moduleUrl' },
  });
  renameSync(building, out);
  bundles.set(name, out);
  return out;
}

/**
 * The script of a worker thread whose entry is src/main/FOLDER/NAME.ts. Built, it is out/main/NAME.js (an
 * entry of its own in electron.vite.config.ts), beside the entry or one folder above the chunk the calling
 * code landed in. `callerUrl` is the caller's import.meta.url; `folder` the entry's folder under src/main.
 */
export function threadScript(callerUrl: string, folder: string, name: string): string {
  const here = fileURLToPath(callerUrl);
  if (here.endsWith('.ts')) {
    return bundledFromSource(join(dirname(here), '..', folder, `${name}.ts`), name);
  }
  const script = [join(dirname(here), `${name}.js`), join(dirname(here), '..', `${name}.js`)].find((p) =>
    existsSync(p),
  );
  if (!script) throw new Error(`${name}.js is missing from this build.`);
  return script;
}
