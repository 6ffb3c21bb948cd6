import { onCLS, onINP, onLCP } from 'web-vitals';
import type { WebVitalsProperties } from './events.generated.js';
import { track } from './track.js';

/**
 * Reports the host page's LCP, INP and CLS as `web_vitals` events. The runtime
 * imports this module (and web-vitals with it) only for the sampled page views.
 */
export function reportWebVitals(): void {
  const report = ({ name, value, rating, navigationType }: { name: WebVitalsProperties['metric']; value: number; rating: WebVitalsProperties['rating']; navigationType: string }) =>
    track('web_vitals', { metric: name, value, rating, navigationType });
  onLCP(report);
  onINP(report);
  onCLS(report);
}
