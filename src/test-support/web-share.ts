/** Stubs the system share sheet (navigator.share / canShare), the only test double the spec allows. */
export function stubWebShare(share: (data: ShareData) => Promise<void>, canShare: (data: ShareData) => boolean = () => true) {
  const shared: ShareData[] = [];
  Object.defineProperty(navigator, 'share', { configurable: true, value: (data: ShareData) => (shared.push(data), share(data)) });
  Object.defineProperty(navigator, 'canShare', { configurable: true, value: canShare });
  return {
    shared,
    restore() {
      delete (navigator as unknown as Record<string, unknown>).share;
      delete (navigator as unknown as Record<string, unknown>).canShare;
    },
  };
}

/** The accessible names of a widget's buttons, in order: the label, else the text. */
export const buttonNames = (element: Element) =>
  [...element.shadowRoot!.querySelectorAll('button')].map(candidate => candidate.getAttribute('aria-label') ?? candidate.textContent?.trim());
