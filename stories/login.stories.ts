import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { $session } from '../src/features/session/session.js';
import { fromManifest, manifestAttributes } from '../.storybook/manifest.js';
import type { LoginFailure } from '../src/components/login/login.element.js';
import '../src/components/login/vitrine-login.js';

const camille = { id: 'c-1', firstName: 'Camille', provider: 'google' };

const { args, argTypes, parameters } = fromManifest('vitrine-login');

/**
 * Stories need no server: each sets `$session` before rendering, so the widget does not ask `GET /v1/session`.
 * (On the docs page every story shares that one store, so they all show the last story's session.)
 */
const meta: Meta = {
  title: 'Widgets/Login',
  component: 'vitrine-login',
  tags: ['autodocs'],
  args,
  argTypes,
  parameters,
  beforeEach: () => {
    $session.set({ status: 'anonymous' });
  },
  render: storyArgs =>
    html`<vitrine-login ${manifestAttributes('vitrine-login', storyArgs)} .error=${storyArgs.error as LoginFailure | undefined}></vitrine-login>`,
};
export default meta;

type Story = StoryObj;

export const AllProviders: Story = {};
export const GoogleOnly: Story = { args: { providers: 'google' } };
export const FacebookAndApple: Story = { args: { providers: 'facebook,apple' } };
export const DemoProvider: Story = { args: { providers: 'demo,google' } };
/** Google's and Apple's dark button variants, for dark pages (pick the Boutique sombre palette). */
export const DarkVariant: Story = { args: { theme: 'dark' } };
export const Compact: Story = { args: { compact: true, providers: 'google,facebook,apple,demo' } };
export const Small: Story = { args: { size: 'sm' } };
export const Large: Story = { args: { size: 'lg' } };

export const SignedIn: Story = {
  beforeEach: () => {
    $session.set({ status: 'signed-in', user: camille });
  },
};

export const SignedInCompact: Story = {
  args: { compact: true },
  beforeEach: () => {
    $session.set({ status: 'signed-in', user: camille });
  },
};

export const PopupClosedError: Story = { args: { error: { provider: 'google', code: 'popup_closed' } } };
export const RefusedError: Story = { args: { error: { provider: 'facebook', code: 'access_denied' } } };
export const NetworkError: Story = { args: { error: { provider: 'apple', code: 'network' } } };
