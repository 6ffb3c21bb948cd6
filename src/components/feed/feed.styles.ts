import { css } from 'lit';

export const feedStyles = css`
  :host {
    display: block;
    --_gap: var(--vitrine-feed-gap, 8px);
    --_radius: var(--vitrine-feed-radius, var(--vitrine-radius, 4px));
    --_fg: var(--vitrine-feed-color, var(--vitrine-text, #1d1b19));
    --_bg: var(--vitrine-feed-background, var(--vitrine-surface, #fff));
    --_accent: var(--vitrine-feed-accent, var(--vitrine-accent, #1d1b19));
    --_muted: var(--vitrine-feed-placeholder, #ece7e1);
    --_hotspot-fg: var(--vitrine-feed-hotspot-color, var(--_fg));
    --_hotspot-bg: var(--vitrine-feed-hotspot-background, var(--_bg));
    color: var(--_fg);
    font-family: var(--vitrine-feed-font, var(--vitrine-font, inherit));
  }
  :host([hidden]) {
    display: none;
  }
  * {
    box-sizing: border-box;
  }
  button {
    font: inherit;
    color: inherit;
    cursor: pointer;
  }
  :focus-visible {
    outline: var(--vitrine-focus-ring, 2px solid var(--vitrine-accent, #005fcc));
    outline-offset: 2px;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  img,
  video {
    display: block;
    width: 100%;
    height: 100%;
  }

  /* Grid and look: the box's height is known before any image (columns × rows). */
  .grid {
    display: grid;
    grid-template-columns: repeat(var(--_cols, 3), minmax(0, 1fr));
    grid-auto-rows: minmax(0, 1fr);
    gap: var(--_gap);
    aspect-ratio: var(--_cols, 3) / var(--_rows, 2);
  }
  /* Carousel: one row of square tiles, scrolled with snap points, buttons or a swipe. */
  .track {
    display: grid;
    grid-auto-flow: column;
    grid-auto-columns: calc((100% - (var(--_cols, 3) - 1) * var(--_gap)) / var(--_cols, 3));
    gap: var(--_gap);
    overflow-x: auto;
    scroll-snap-type: x mandatory;
    scroll-behavior: smooth;
    scrollbar-width: none;
  }
  .track > li {
    aspect-ratio: 1;
    scroll-snap-align: start;
  }
  .carousel {
    position: relative;
  }
  .page {
    position: absolute;
    top: 50%;
    translate: 0 -50%;
    width: 2.75rem;
    height: 2.75rem;
    border: 0;
    border-radius: 50%;
    background: var(--_bg);
    box-shadow: 0 1px 4px rgb(0 0 0 / 0.25);
    font-size: 1.25rem;
  }
  .page.prev {
    left: 0.5rem;
  }
  .page.next {
    right: 0.5rem;
  }

  .tile {
    position: relative;
    display: block;
    width: 100%;
    height: 100%;
    padding: 0;
    border: 0;
    border-radius: var(--_radius);
    overflow: hidden;
    background: var(--_muted);
  }
  .tile img {
    object-fit: cover;
    transition: scale 0.3s;
  }
  .tile:hover img {
    scale: 1.04;
  }
  .badge {
    position: absolute;
    top: 0.4rem;
    right: 0.4rem;
    color: #fff;
    filter: drop-shadow(0 0 2px rgb(0 0 0 / 0.6));
    font-size: 1rem;
    line-height: 1;
  }

  dialog {
    width: min(60rem, 100vw - 2rem);
    max-height: calc(100vh - 2rem);
    padding: 0;
    border: 0;
    border-radius: var(--_radius);
    color: var(--_fg);
    background: var(--_bg);
  }
  dialog::backdrop {
    background: var(--vitrine-feed-backdrop, rgb(20 16 12 / 0.75));
  }
  .bar {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    padding: 0.5rem;
  }
  .bar .counter {
    flex: 1;
  }
  .bar button {
    min-width: 2.75rem;
    min-height: 2.75rem;
    border: 1px solid currentColor;
    border-radius: var(--_radius);
    background: none;
  }
  .body {
    display: grid;
    gap: 1rem;
    padding: 0 1rem 1rem;
  }
  @media (min-width: 48rem) {
    .body {
      grid-template-columns: 3fr 2fr;
    }
  }
  .slides {
    display: grid;
    grid-auto-flow: column;
    grid-auto-columns: 100%;
    overflow-x: auto;
    scroll-snap-type: x mandatory;
    align-items: start;
  }
  .slide-nav {
    display: flex;
    justify-content: center;
    gap: 0.5rem;
    margin: 0;
  }
  .slide-nav button {
    min-width: 2.75rem;
    min-height: 2.75rem;
    border: 1px solid currentColor;
    border-radius: var(--_radius);
    background: none;
  }
  .frame {
    position: relative;
    aspect-ratio: var(--ratio, 1);
    scroll-snap-align: start;
    background: var(--_muted);
  }
  .frame img {
    object-fit: contain;
  }
  .hotspot {
    position: absolute;
    left: calc(var(--x) * 100%);
    top: calc(var(--y) * 100%);
    translate: -50% -50%;
    width: 2rem;
    height: 2rem;
    border: 2px solid var(--_hotspot-fg);
    border-radius: 50%;
    color: var(--_hotspot-fg);
    background: var(--_hotspot-bg);
    font-weight: 700;
  }
  .hotspot[aria-pressed='true'] {
    color: var(--_hotspot-bg);
    background: var(--_hotspot-fg);
  }
  .caption {
    white-space: pre-line;
    overflow-wrap: anywhere;
    margin: 0 0 1rem;
  }
  h2 {
    font-size: 1.1rem;
    margin: 0 0 0.5rem;
  }
  .product {
    display: grid;
    grid-template-columns: 4rem 1fr;
    gap: 0.25rem 0.75rem;
    align-items: center;
    padding: 0.5rem;
    border-radius: var(--_radius);
  }
  .product.active {
    outline: 2px solid var(--_accent);
  }
  .product img {
    grid-row: span 3;
    width: 4rem;
    height: 5rem;
    object-fit: cover;
  }
  .product a {
    color: inherit;
    font-weight: 600;
  }
  .wish {
    justify-self: start;
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_accent);
    color: var(--vitrine-on-accent, var(--_bg));
    padding: 0.25rem 0.5rem;
  }
  .permalink {
    color: inherit;
  }

  @media (prefers-reduced-motion: reduce) {
    .track,
    .slides {
      scroll-behavior: auto;
    }
    .tile img {
      transition: none;
    }
  }
`;
