import type { ShareFields, ShareNetwork } from './share-registry.js';

// Apart from the network list (share-networks.ts): only a click needs it, so it travels with the share actions.

/** `{field}` placeholders filled from `fields`. */
const fill = (template: string, fields: ShareFields) =>
  template.replace(/\{(\w+)\}/g, (_, name: string) => fields[name as keyof ShareFields] ?? '').trim();

/**
 * The network's intent address for `fields`: each parameter filled and
 * percent-encoded (`encodeURIComponent`, so spaces are `%20` in `mailto:` too),
 * parameters that fill to nothing left out.
 */
export function intentUrl(network: ShareNetwork, fields: ShareFields): string {
  const query = Object.entries(network.params)
    .map(([name, template]) => [name, fill(template, fields)])
    .filter(([, value]) => value !== '')
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`)
    .join('&');
  return query ? `${network.url}?${query}` : network.url;
}
