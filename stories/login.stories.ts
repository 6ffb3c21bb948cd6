import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { $session } from '../src/features/session/session.js';
import type { LoginFailure } from '../src/components/login/login.element.js';
import '../src/components/login/vitrine-login.js';

interface LoginArgs {
  providers: string;
  size: 'sm' | 'md' | 'lg';
  compact: boolean;
  theme: 'light' | 'dark';
  lang?: 'fr' | 'en';
  error?: LoginFailure;
}

const camille = { id: 'c-1', firstName: 'Camille', provider: 'google' };

/**
 * Stories need no server: each sets `$session` before rendering, so the widget does not ask `GET /v1/session`.
 * (On the docs page every story shares that one store, so they all show the last story's session.)
 */
const meta: Meta<LoginArgs> = {
  title: 'Widgets/Login',
  component: 'vitrine-login',
  tags: ['autodocs'],
  args: { providers: 'google,facebook,apple', size: 'md', compact: false, theme: 'light' },
  argTypes: {
    size: { control: 'inline-radio', options: ['sm', 'md', 'lg'] },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
    lang: { control: 'inline-radio', options: ['fr', 'en'] },
  },
  beforeEach: () => {
    $session.set({ status: 'anonymous' });
  },
  render: args =>
    html`<vitrine-login
      providers=${args.providers}
      size=${args.size}
      theme=${args.theme}
      ?compact=${args.compact}
      lang=${ifDefined(args.lang)}
      .error=${args.error}
    ></vitrine-login>`,
};
export default meta;

type Story = StoryObj<LoginArgs>;

export const AllProviders: Story = {};
export const GoogleOnly: Story = { args: { providers: 'google' } };
export const FacebookAndApple: Story = { args: { providers: 'facebook,apple' } };
export const DemoProvider: Story = { args: { providers: 'demo,google' } };
export const DarkTheme: Story = { args: { theme: 'dark' } };
export const Compact: Story = { args: { compact: true, providers: 'google,facebook,apple,demo' } };
export const Small: Story = { args: { size: 'sm' } };
export const Large: Story = { args: { size: 'lg' } };
export const English: Story = { args: { lang: 'en' } };
export const French: Story = { args: { lang: 'fr' } };

export const SignedIn: Story = {
  beforeEach: () => {
    $session.set({ status: 'signed-in', user: camille });
  },
};

export const SignedInCompact: Story = {
  args: { compact: true, lang: 'en' },
  beforeEach: () => {
    $session.set({ status: 'signed-in', user: camille });
  },
};

export const PopupClosedError: Story = { args: { error: { provider: 'google', code: 'popup_closed' } } };
export const RefusedErrorEnglish: Story = { args: { lang: 'en', error: { provider: 'facebook', code: 'access_denied' } } };
export const NetworkError: Story = { args: { error: { provider: 'apple', code: 'network' } } };
