import { setCustomElementsManifest } from '@storybook/web-components-vite';
import type { Preview } from '@storybook/web-components-vite';
import { html } from 'lit';
import { withActions } from 'storybook/actions/decorator';
import customElements from '../custom-elements.json';
import { withAnalytics } from './analytics.js';
import { locales } from './locales.js';
import { paletteStyle, palettes } from './palettes.js';

// Docs pages read the element descriptions from the manifest too (npm run analyze); story controls come from
// it through fromManifest() in each stories file.
setCustomElementsManifest(customElements);


const preview: Preview = {
  parameters: {
    controls: { expanded: true, sort: 'requiredFirst' },
    a11y: { test: 'error' },
  },
  // Toolbar choices live in the URL (`&globals=locale:en;palette:dark-boutique`): a link reopens the same view.
  globalTypes: {
    locale: {
      description: 'Widget language',
      toolbar: { title: 'Langue', icon: 'globe', items: locales, dynamicTitle: true },
    },
    palette: {
      description: 'Brand palette: the global design tokens',
      toolbar: {
        title: 'Palette',
        icon: 'paintbrush',
        items: Object.entries(palettes).map(([value, { title }]) => ({ value, title })),
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'fr', palette: 'none' },
  decorators: [
    withAnalytics,
    (story, context) => {
      // The toolbar language drives <html lang>, which every widget follows unless a story sets its own lang.
      document.documentElement.lang = String(context.globals.locale ?? 'fr');
      return html`<div class="vitrine-palette" data-palette=${context.globals.palette ?? 'none'} style=${paletteStyle(String(context.globals.palette))}>
        ${story()}
      </div>`;
    },
    withActions,
  ],
};

export default preview;
