import { VERSION } from './version.js';
import { warnOnce } from './warn.js';

/** One warning when another copy of Vitrine (`version`, or another script when undefined) holds `tag`. */
export function warnClash(tag: string, version: string | undefined): void {
  warnOnce(
    `define:${tag}`,
    `<${tag}> is already defined by ${version ? `Vitrine ${version}` : 'another script'}; this copy (Vitrine ${VERSION}) leaves it in place. Load Vitrine once per page.`,
  );
}
