/** Captures console.warn calls during a test, for asserting "one clear warning". */
export function captureWarnings(): { messages: string[]; restore(): void } {
  const original = console.warn;
  const messages: string[] = [];
  console.warn = (...args: unknown[]) => {
    messages.push(args.map(String).join(' '));
  };
  return { messages, restore: () => (console.warn = original) };
}

/** The example server started by web-test-runner.config.mjs for this run. */
export const testApi = (): string => (window as unknown as { VITRINE_TEST_API: string }).VITRINE_TEST_API;
