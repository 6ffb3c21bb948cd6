import { css } from 'lit';

// Written compactly on purpose: Lit ships template text as is, and the share chunk has a 4 KB budget.
// No transitions, so nothing to turn off under prefers-reduced-motion. Finer styling goes through ::part().
export const shareStyles = css`
:host { --vitrine-share-size: 2.5rem; display: inline-block; position: relative; color: var(--vitrine-share-color, currentColor); }
:host([size=sm]) { --vitrine-share-size: 2rem; }
:host([size=lg]) { --vitrine-share-size: 3rem; }
[hidden] { display: none !important; }
ul { display: flex; flex-wrap: wrap; gap: var(--vitrine-share-gap, 0.5rem); margin: 0; padding: 0; list-style: none; }
button {
  display: inline-flex; align-items: center; gap: 0.5em; min-width: var(--vitrine-share-size); min-height: var(--vitrine-share-size);
  padding: 0 calc(var(--vitrine-share-size) / 4); border: 1px solid var(--vitrine-share-border-color, currentColor);
  border-radius: var(--vitrine-share-radius, var(--vitrine-radius, 999px)); background: var(--vitrine-share-background, none); color: inherit; font: inherit; cursor: pointer;
}
:host(:not([layout=labels])) li button { justify-content: center; padding: 0; }
button:hover { background: rgb(128 128 128 / 0.15); }
:focus-visible { outline: 2px solid var(--vitrine-share-focus-color, var(--vitrine-accent, Highlight)); outline-offset: 2px; }
svg { width: calc(var(--vitrine-share-size) / 2); height: calc(var(--vitrine-share-size) / 2); fill: currentColor; fill-rule: evenodd; flex: none; }
[role=menu] {
  position: absolute; z-index: 10; top: calc(100% + 0.25rem); display: flex; flex-direction: column; min-width: 14rem; padding: 0.25rem;
  border-radius: 0.5rem; background: var(--vitrine-share-menu-background, Canvas); color: var(--vitrine-share-menu-color, CanvasText);
  box-shadow: 0 0.5rem 1.5rem rgb(0 0 0 / 0.2);
}
[role=menuitem] { border: 0; border-radius: 0.25rem; }
.status:not(:empty) { margin-inline-start: 0.5rem; padding: 0.25rem 0.5rem; border-radius: 0.25rem; background: CanvasText; color: Canvas; font-size: 0.875em; }
label { display: flex; flex-direction: column; gap: 0.25rem; margin-top: 0.5rem; font-size: 0.875em; }
input { font: inherit; }
`;
