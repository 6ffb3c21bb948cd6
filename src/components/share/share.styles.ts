import { css } from 'lit';

// Written compactly on purpose: Lit ships template text as is, and the share chunk has a 4 KB budget.
// No transitions, so nothing to turn off under prefers-reduced-motion. Finer styling goes through ::part().
export const shareStyles = css`
:host { --vitrine-share-size: 2.5rem; display: inline-block; position: relative; color: var(--vitrine-share-color, var(--vitrine-text)); font-family: var(--vitrine-font); }
:host([size=sm]) { --vitrine-share-size: 2rem; }
:host([size=lg]) { --vitrine-share-size: 3rem; }
ul { display: flex; flex-wrap: wrap; gap: var(--vitrine-share-gap, .5rem); margin: 0; padding: 0; list-style: none; }
button {
  display: inline-flex; align-items: center; justify-content: center; gap: .5em; min-width: var(--vitrine-share-size); min-height: var(--vitrine-share-size);
  padding: 0 calc(var(--vitrine-share-size) / 4); border: 1px solid var(--vitrine-share-border-color, currentColor);
  border-radius: var(--vitrine-share-radius, var(--vitrine-radius, 999px)); background: var(--vitrine-share-background, var(--vitrine-surface)); color: inherit; font: inherit; cursor: pointer;
}
:host(:not([layout=labels])) [data-network]:not([role=menuitem]) { padding: 0; }
button:hover { background: #8882; }
:focus-visible { outline: var(--vitrine-focus-ring, 2px solid var(--vitrine-accent, Highlight)); outline-offset: 2px; }
svg { width: calc(var(--vitrine-share-size) / 2); height: calc(var(--vitrine-share-size) / 2); fill: currentColor; fill-rule: evenodd; flex: none; }
[role=menu] {
  position: absolute; z-index: 10; top: calc(100% + .25rem); flex-direction: column; gap: 0; min-width: 14rem; padding: .25rem;
  border-radius: .5rem; background: var(--vitrine-share-menu-background, var(--vitrine-surface, Canvas)); color: var(--vitrine-share-menu-color, var(--vitrine-text, CanvasText));
  box-shadow: 0 .5rem 1.5rem #0003;
}
[hidden] { display: none; }
[role=menuitem] { width: 100%; justify-content: start; border: 0; border-radius: .25rem; }
.status:not(:empty) { margin-inline-start: .5rem; padding: .25rem .5rem; border-radius: .25rem; background: var(--vitrine-accent, CanvasText); color: var(--vitrine-on-accent, Canvas); font-size: .875em; }
label { display: flex; flex-direction: column; gap: .25rem; margin-top: .5rem; font-size: .875em; }
input { font: inherit; }
`;
