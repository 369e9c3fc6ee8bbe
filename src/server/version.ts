import { readFileSync } from 'node:fs';

/** The version from package.json, found from the source or the built server alike. */
export const appVersion: string = (() => {
  for (const path of ['../../package.json', '../../../package.json']) {
    try {
      return (JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as { version: string }).version;
    } catch {
      // try the next location
    }
  }
  return '0.0.0';
})();
