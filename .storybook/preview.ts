import { setCustomElementsManifest } from '@storybook/web-components-vite';
import type { Preview } from '@storybook/web-components-vite';
import customElements from '../custom-elements.json';

// Controls, args tables and docs come from the manifest generated from the components' JSDoc (npm run analyze).
setCustomElementsManifest(customElements);

const preview: Preview = {
  parameters: {
    controls: { expanded: true, matchers: { color: /(background|color)$/i } },
    a11y: { test: 'error' },
  },
  globalTypes: {
    locale: {
      description: 'Widget language',
      toolbar: { title: 'Langue', icon: 'globe', items: [{ value: 'fr', title: 'Français' }, { value: 'en', title: 'English' }], dynamicTitle: true },
    },
  },
  initialGlobals: { locale: 'fr' },
  decorators: [
    (story, context) => {
      // The toolbar language drives <html lang>, which every widget follows unless a story sets its own lang.
      document.documentElement.lang = String(context.globals.locale ?? 'fr');
      return story();
    },
  ],
};

export default preview;
