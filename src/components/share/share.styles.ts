import { css } from 'lit';

export const shareStyles = css`
  :host {
    --vitrine-share-size: 2.5rem;
    display: inline-block;
    position: relative;
    font: inherit;
    color: var(--vitrine-share-color, currentColor);
  }
  :host([size='sm']) {
    --vitrine-share-size: 2rem;
  }
  :host([size='lg']) {
    --vitrine-share-size: 3rem;
  }
  [hidden] {
    display: none !important;
  }
  ul {
    display: flex;
    flex-wrap: wrap;
    gap: var(--vitrine-share-gap, 0.5rem);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.5em;
    min-width: var(--vitrine-share-size);
    min-height: var(--vitrine-share-size);
    padding: 0 calc(var(--vitrine-share-size) / 4);
    border: 1px solid var(--vitrine-share-border-color, currentColor);
    border-radius: var(--vitrine-share-radius, 999px);
    background: var(--vitrine-share-background, transparent);
    color: inherit;
    font: inherit;
    cursor: pointer;
    transition: background-color 0.15s;
  }
  :host([layout='icons']) li button {
    padding: 0;
  }
  button:hover {
    background: var(--vitrine-share-hover-background, rgb(0 0 0 / 0.06));
  }
  button:focus-visible,
  input:focus-visible {
    outline: 2px solid var(--vitrine-share-focus-color, Highlight);
    outline-offset: 2px;
  }
  svg {
    width: calc(var(--vitrine-share-size) / 2);
    height: calc(var(--vitrine-share-size) / 2);
    fill: currentColor;
    flex: none;
  }
  [role='menu'] {
    position: absolute;
    z-index: 10;
    inset-block-start: calc(100% + 0.25rem);
    inset-inline-start: 0;
    display: flex;
    flex-direction: column;
    min-width: 14rem;
    padding: 0.25rem;
    border-radius: var(--vitrine-share-menu-radius, 0.5rem);
    background: var(--vitrine-share-menu-background, Canvas);
    color: var(--vitrine-share-menu-color, CanvasText);
    box-shadow: 0 0.5rem 1.5rem rgb(0 0 0 / 0.18);
  }
  [role='menuitem'] {
    justify-content: flex-start;
    border: 0;
    border-radius: 0.25rem;
  }
  .status:not(:empty) {
    display: inline-block;
    margin-inline-start: 0.5rem;
    padding: 0.25rem 0.5rem;
    border-radius: 0.25rem;
    background: var(--vitrine-share-status-background, CanvasText);
    color: var(--vitrine-share-status-color, Canvas);
    font-size: 0.875em;
  }
  label {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    margin-block-start: 0.5rem;
    font-size: 0.875em;
  }
  input {
    font: inherit;
    padding: 0.25rem 0.5rem;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  @media (prefers-reduced-motion: reduce) {
    button {
      transition: none;
    }
  }
`;
