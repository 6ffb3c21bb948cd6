import { css } from 'lit';

export const wishlistButtonStyles = css`
  :host {
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
    font: inherit;
    font-family: var(--vitrine-font, inherit);
    color: var(--vitrine-wishlist-text, var(--vitrine-text, inherit));
  }
  :host([hidden]) {
    display: none;
  }
  button {
    display: inline-grid;
    place-items: center;
    inline-size: var(--vitrine-wishlist-size, 2.75rem);
    block-size: var(--vitrine-wishlist-size, 2.75rem);
    padding: 0;
    border: 1px solid var(--vitrine-wishlist-border, currentColor);
    border-radius: 50%;
    background: var(--vitrine-wishlist-background, transparent);
    color: inherit;
    cursor: pointer;
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.5;
  }
  button:focus-visible {
    outline: var(--vitrine-focus-ring, 2px solid var(--vitrine-accent, #1d4ed8));
    outline-offset: 2px;
  }
  svg {
    inline-size: 55%;
    block-size: 55%;
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    transition: transform 0.2s ease;
  }
  [aria-pressed='true'] svg {
    fill: var(--vitrine-wishlist-color, var(--vitrine-accent, #c2410c));
    stroke: var(--vitrine-wishlist-color, var(--vitrine-accent, #c2410c));
    transform: scale(1.1);
  }
  [part='count'] {
    font-size: 0.875em;
    font-variant-numeric: tabular-nums;
  }
  @media (prefers-reduced-motion: reduce) {
    svg {
      transition: none;
    }
  }
`;
