// `npm start`: the desktop app. Makes sure the Electron binary and an Electron-ABI build of better-sqlite3
// (in native/electron-<version>/, loaded with better-sqlite3's nativeBinding option) exist, builds, launches.
// node_modules keeps its Node build, so `npm test` never needs a rebuild.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const require = createRequire(import.meta.url);
const electronDir = dirname(require.resolve('electron/package.json'));
const electronVersion = require('electron/package.json').version;
const FALLBACK = 'Use `npm run serve` to run Redac in a browser instead.';

function fail(message) {
  console.error(`Redac cannot start the desktop app: ${message} ${FALLBACK}`);
  process.exit(1);
}

function electronBinary() {
  const pathFile = join(electronDir, 'path.txt');
  const binary = () => existsSync(pathFile) && join(electronDir, 'dist', readFileSync(pathFile, 'utf8'));
  if (binary() && existsSync(binary())) return binary();
  console.log(`Fetching the Electron ${electronVersion} binary…`);
  const run = spawnSync(process.execPath, [join(electronDir, 'install.js')], { encoding: 'utf8' });
  if (run.status !== 0 || !binary() || !existsSync(binary())) {
    const reason = `${run.stderr || run.stdout}`
      .split('\n')
      .find((line) => /error/i.test(line))
      ?.trim();
    fail(`the Electron binary could not be downloaded${reason ? ` (${reason.slice(0, 160)})` : ''}.`);
  }
  return binary();
}

function electronSqlite() {
  const target = join(root, 'native', `electron-${electronVersion}`, 'better_sqlite3.node');
  if (existsSync(target)) return target;
  console.log(`Building better-sqlite3 for Electron ${electronVersion} (once; about two minutes)…`);
  const work = join(root, '.cache', `better-sqlite3-electron-${electronVersion}`);
  rmSync(work, { recursive: true, force: true });
  cpSync(dirname(require.resolve('better-sqlite3/package.json')), work, {
    recursive: true,
    filter: (src) => !src.includes(`${join('better-sqlite3', 'build')}`),
  });
  const nodeGyp =
    process.env.npm_config_node_gyp ||
    join(
      dirname(process.execPath),
      '..',
      'lib',
      'node_modules',
      'npm',
      'node_modules',
      'node-gyp',
      'bin',
      'node-gyp.js',
    );
  // A nodedir in the environment (these machines' ~/.npmrc sets one) would make node-gyp build for Node's ABI.
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (key.toLowerCase() === 'npm_config_nodedir') delete env[key];
  const run = spawnSync(
    process.execPath,
    [
      nodeGyp,
      'rebuild',
      '--release',
      '--runtime=electron',
      `--target=${electronVersion}`,
      '--dist-url=https://electronjs.org/headers',
    ],
    { cwd: work, env, stdio: 'inherit' },
  );
  const built = join(work, 'build', 'Release', 'better_sqlite3.node');
  if (run.status !== 0 || !existsSync(built))
    fail('better-sqlite3 could not be built for Electron (its headers need the internet once).');
  mkdirSync(dirname(target), { recursive: true });
  cpSync(built, target);
  return target;
}

const binary = electronBinary();
electronSqlite();
const build = spawnSync(
  process.execPath,
  [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'],
  { cwd: root, stdio: 'inherit' },
);
if (build.status !== 0) process.exit(build.status ?? 1);
const app = spawn(binary, [root, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
app.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
