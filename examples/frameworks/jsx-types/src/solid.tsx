/** @jsxImportSource solid-js */
// vitrine/solid: <vitrine-*> in Solid's JSX, with attributes, `prop:` properties and typed on:vitrine-* listeners.
// Each @ts-expect-error is a mistake the types must catch (tsc fails if it compiles).
import type { FeedData } from 'vitrine/components/feed/vitrine-feed.js';
import type { LoginEvent, VitrineShareEvent } from 'vitrine/events';

const onShare = (event: VitrineShareEvent) => event.detail.network;
const onLogin = (event: LoginEvent) => event.detail.user;
declare const feed: FeedData;

export const Share = () => <vitrine-share url="https://shop.example/p" networks="x,email" no-native size="lg" on:vitrine-share={onShare} />;
export const Feed = () => <vitrine-feed feed="maison-lumiere" layout="carousel" prop:data={feed} />;

// @ts-expect-error: not a size
export const WrongSize = () => <vitrine-share size="huge" />;
// @ts-expect-error: a login handler on the share event
export const WrongHandler = () => <vitrine-share on:vitrine-share={onLogin} />;
// @ts-expect-error: not a layout
export const WrongLayout = () => <vitrine-feed layout="mosaic" />;
