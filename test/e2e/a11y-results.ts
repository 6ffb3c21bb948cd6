import { mkdirSync, writeFileSync } from 'node:fs';

/** Where the accessibility tests leave what they observed, for `npm run conformance` (docs/accessibility/). */
export const resultsDir = new URL('../../.a11y-results/', import.meta.url);

export interface AxeOutcome {
  widget: string;
  story: string;
  locale: string;
  palette: string;
  passed: string[];
  inapplicable: string[];
  incomplete: string[];
  violations: string[];
}

export interface KeyboardOutcome {
  widget: string;
  /** What was checked, in a sentence, as the conformance page states it. */
  check: string;
  criteria: string[];
  passed: boolean;
}

export function recordAxe(outcomes: AxeOutcome[]): void {
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(new URL('axe.json', resultsDir), `${JSON.stringify(outcomes, null, 1)}\n`);
}

export function recordKeyboard(outcomes: KeyboardOutcome[]): void {
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(new URL('keyboard.json', resultsDir), `${JSON.stringify(outcomes, null, 1)}\n`);
}
