import { css } from 'lit';

/** `.sr-only`: text read by screen readers and not shown, shared by the widgets that announce counts and states. */
export const visuallyHidden = css`
  .sr-only {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
