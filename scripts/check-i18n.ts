/**
 * Checks that every message key the web app asks for exists in the three
 * languages: literal keys (`t('registry.title')`) exactly, keys built from a
 * value (`t(\`sectors.${code}\`)`) by their fixed part.
 *
 *   npx tsx scripts/check-i18n.ts
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { messages } from '../src/core/i18n/messages.js';
import { isPluralForms } from '../src/core/i18n/fr.js';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

function lookUp(tree: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), tree);
}

const problems: string[] = [];
const literal = /\bt\(\s*'([a-zA-Z0-9_.]+)'/g;
const template = /\bt\(\s*`([a-zA-Z0-9_.]+)\.\$\{/g;

for (const file of files('src/web')) {
  const source = readFileSync(file, 'utf8');
  for (const [, key] of source.matchAll(literal)) {
    for (const [locale, tree] of Object.entries(messages)) {
      const found = lookUp(tree, key!);
      if (typeof found !== 'string' && !isPluralForms(found)) problems.push(`${file}: ${key} missing in ${locale}`);
    }
  }
  for (const [, prefix] of source.matchAll(template)) {
    for (const [locale, tree] of Object.entries(messages)) {
      const found = lookUp(tree, prefix!);
      if (!found || typeof found !== 'object') problems.push(`${file}: ${prefix}.* missing in ${locale}`);
    }
  }
}

if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exitCode = 1;
} else {
  console.log('Every message key used by the web app exists in fr, ar and en.');
}
