import { css } from 'lit';

export const wishlistStyles = css`
  :host {
    display: block;
    /* Narrow containers (phones, sidebars): the votes and actions go under the product (see @container below). */
    container-type: inline-size;
    font: inherit;
    font-family: var(--vitrine-font, inherit);
    color: var(--vitrine-wishlist-text, var(--vitrine-text, inherit));
    --_radius: var(--vitrine-wishlist-radius, var(--vitrine-radius, 0.5rem));
    --_accent: var(--vitrine-wishlist-accent, var(--vitrine-accent, #c2410c));
  }
  :host([hidden]) {
    display: none;
  }

  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  button,
  select,
  input,
  textarea {
    font: inherit;
    color: inherit;
  }
  button {
    min-block-size: 2.75rem;
    padding: 0.5rem 1rem;
    border: 1px solid currentColor;
    border-radius: var(--_radius);
    background: transparent;
    cursor: pointer;
  }
  :focus-visible {
    outline: var(--vitrine-focus-ring, 2px solid var(--vitrine-accent, #1d4ed8));
    outline-offset: 2px;
  }
  [part~='share-button'],
  [aria-pressed='true'] {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--vitrine-wishlist-on-accent, var(--vitrine-on-accent, #fff));
  }
  .toolbar,
  .share,
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.75rem;
    margin-block: 0 1rem;
  }
  .share input {
    flex: 1 1 16rem;
    min-block-size: 2.75rem;
    padding-inline: 0.5rem;
  }
  [part~='item'] {
    display: grid;
    grid-template-columns: 6rem minmax(0, 1fr) auto;
    gap: 1rem;
    align-items: start;
    padding-block: 1rem;
    border-block-end: 1px solid var(--vitrine-wishlist-border, #e5e5e5);
  }
  img {
    inline-size: 100%;
    aspect-ratio: 4 / 5;
    object-fit: cover;
    border-radius: var(--_radius);
    background: var(--vitrine-wishlist-border, #e5e5e5);
  }
  .meta {
    display: grid;
    gap: 0.25rem;
  }
  .title {
    font-weight: 600;
    color: inherit;
  }
  .muted,
  .comments {
    font-size: 0.875em;
    opacity: 0.8;
  }
  [part~='votes'] {
    font-variant-numeric: tabular-nums;
  }
  .burst {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    padding: 0.75rem;
    border: 2px solid var(--vitrine-wishlist-accent, var(--vitrine-accent, #c2410c));
    border-radius: var(--vitrine-wishlist-radius, var(--vitrine-radius, 0.5rem));
  }
  .burst p {
    margin: 0;
    flex: 1 1 16rem;
  }
  /* Themed like the text around it: light text on the browser's white field would be unreadable on dark pages. */
  select {
    min-block-size: 2.75rem;
    padding-inline: 0.5rem;
    border: 1px solid currentColor;
    border-radius: var(--_radius);
    background: var(--vitrine-surface, Field);
  }
  textarea,
  input {
    box-sizing: border-box;
    inline-size: 100%;
    padding: 0.5rem;
    border: 1px solid currentColor;
    border-radius: var(--_radius);
    background: transparent;
  }
  label {
    display: grid;
    gap: 0.25rem;
    margin-block: 0.5rem;
  }
  .deck {
    display: grid;
    gap: 0.75rem;
    justify-items: center;
    text-align: center;
  }
  .card {
    display: grid;
    gap: 0.5rem;
    inline-size: min(100%, 22rem);
    padding: 1rem;
    border: 1px solid var(--vitrine-wishlist-border, #e5e5e5);
    border-radius: calc(2 * var(--_radius));
    background: var(--vitrine-wishlist-background, var(--vitrine-surface, #fff));
    touch-action: pan-y;
    user-select: none;
    transform: translateX(var(--vitrine-swipe-x, 0));
    transition: transform 0.2s ease;
  }
  .card.dragging {
    transition: none;
  }
  @container (max-width: 30rem) {
    [part~='item'] {
      grid-template-columns: 4.5rem minmax(0, 1fr);
    }
    [part~='item'] > :nth-child(3) {
      grid-column: 2;
    }
    /* The friend's comment box and vote buttons take the row's whole width: the buttons sit side by side. */
    [part~='item'] > .voting {
      grid-column: 1 / -1;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .card {
      transition: none;
    }
  }
`;
