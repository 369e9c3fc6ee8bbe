#!/usr/bin/env node
// `npm start`: installs what is missing, builds what is stale, then serves
// (the server migrates the database and loads the demo itself).
// Only Node.js built-ins here: this runs before any dependency is installed.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`Taawon needs Node.js 20.19 or newer; this is ${process.versions.node}.`);
  process.exit(1);
}

function run(command, args) {
  console.log(`> ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function newestChange(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestChange(join(path, entry)));
  return newest;
}

const installedMarker = join(root, 'node_modules', '.package-lock.json');
const lockFile = join(root, 'package-lock.json');
if (!existsSync(installedMarker) || statSync(lockFile).mtimeMs > statSync(installedMarker).mtimeMs) {
  run(npm, ['ci', '--no-audit', '--no-fund']);
}

const builtServer = join(root, 'dist', 'server', 'main.js');
const builtWeb = join(root, 'dist', 'web', 'index.html');
const builtAt = Math.min(existsSync(builtServer) ? statSync(builtServer).mtimeMs : 0, existsSync(builtWeb) ? statSync(builtWeb).mtimeMs : 0);
const sourcesChangedAt = Math.max(
  newestChange(join(root, 'src')),
  newestChange(join(root, 'package-lock.json')),
  newestChange(join(root, 'vite.config.ts')),
);
if (builtAt === 0 || sourcesChangedAt > builtAt) run(npm, ['run', 'build']);

run(process.execPath, [builtServer]);
