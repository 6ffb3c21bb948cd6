import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { setMessages } from '../src/set-messages.js';
import '../src/components/share/vitrine-share.js';

/** Share buttons with what the share stories pass, since Storybook has no product page. */
const share = (layout: string, messages?: object, lang?: string) =>
  html`<vitrine-share layout=${layout} lang=${lang ?? nothing} networks="whatsapp,pinterest,email,copy" url="https://maison-lumiere.example/produits/robe-camille-lin.html" title="Robe Camille en lin" no-native placement="storybook" .messages=${messages}></vitrine-share>`;

/**
 * Your own wording, without a release: type in the controls and the widget changes at once, in the toolbar's
 * language. Leave a field empty to get the built-in string back. On the storefront the same words go to
 * `Vitrine.setMessages(locale, 'share', { … })`, or to one element's `messages` property (docs/i18n.md).
 */
const meta: Meta = {
  title: 'Guides/Copy overrides',
  tags: ['autodocs'],
  argTypes: {
    share: { control: 'text', description: 'The menu button (`share`). Built-in: « Partager », "Share", "Teilen"…' },
    copy: { control: 'text', description: 'The copy-link button (`copy`).' },
    copied: { control: 'text', description: 'Announced after a copy (`copied`).' },
    shareOn: { control: 'text', description: "Each network button's name (`shareOn`); `{1}` is the network." },
  },
  args: { share: 'Partager ce look', copy: 'Copier le lien du look', copied: '', shareOn: '' },
};
export default meta;

type Story = StoryObj;

/** The words typed in the controls, for the language the toolbar shows; empty ones keep the built-in. */
export const LiveWording: Story = {
  render: (storyArgs, { globals }) => {
    const words = Object.fromEntries(Object.entries(storyArgs).filter(([, value]) => typeof value === 'string' && value.trim()));
    const messages = { [String(globals.locale ?? 'fr')]: words };
    return html`${share('menu', messages)} ${share('labels', messages)}`;
  },
};

/**
 * A language Vitrine does not ship, added with `setMessages('nl', 'share', { … })`: the keys given show in Dutch,
 * the others in English. Prices and plurals follow `Intl` in Dutch.
 */
export const ANewLanguage: Story = {
  args: { share: '', copy: '', copied: '', shareOn: '' },
  argTypes: { share: { table: { disable: true } }, copy: { table: { disable: true } }, copied: { table: { disable: true } }, shareOn: { table: { disable: true } } },
  beforeEach: () => {
    // `email` is the visible label and `emailName` the button's name: the name must contain the label (WCAG 2.5.3).
    setMessages('nl', 'share', { share: 'Delen', shareOn: 'Delen via {1}', email: 'E-mail', emailName: 'Delen via e-mail', copy: 'Link kopiëren', copied: 'Link gekopieerd', networks: 'Dit product delen' });
  },
  render: () => share('labels', undefined, 'nl'),
};
