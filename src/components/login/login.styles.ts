import { css } from 'lit';

// Written compactly on purpose: Lit ships template text as is, and the login chunk has a 5 KB budget.
// Provider buttons follow each brand's published rules: Google's light (#fff, #747775 border, #1f1f1f text) and dark
// (#131314, #8e918f border, #e3e3e3 text) buttons with the colour "G"; Facebook's 2023 blue #0866ff (white on the older #1877f2 fails WCAG AA contrast) with the white "f"; Apple's
// black (white on dark themes). Their colours are not themable on purpose; sizes and corners are ours within those rules.
export const styles = css`
:host { --_h: 40px; --_fs: 14px; display: inline-block; font-family: var(--vitrine-login-font, var(--vitrine-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif)); color: var(--vitrine-login-color, var(--vitrine-text, inherit)); --_r: var(--vitrine-login-radius, var(--vitrine-radius, 4px)); }
:host([size='sm']) { --_h: 32px; --_fs: 13px; }
:host([size='lg']) { --_h: 48px; --_fs: 16px; }
.providers { display: flex; flex-wrap: wrap; flex-direction: var(--vitrine-login-direction, row); gap: var(--vitrine-login-gap, 8px); }
.loading { visibility: hidden; }
.btn {
  box-sizing: border-box; display: inline-flex; align-items: center; justify-content: center; gap: 10px; height: var(--_h); min-width: var(--_h); padding: 0 12px;
  border: 1px solid transparent; border-radius: var(--_r); font: 500 var(--_fs) / 1.2 inherit; white-space: nowrap; cursor: pointer;
}
:host([compact]) .btn { width: var(--_h); padding: 0; }
.btn:hover { filter: brightness(0.94); }
.btn:focus-visible, .action:focus-visible { outline: var(--vitrine-focus-ring, 2px solid var(--vitrine-accent, #1a73e8)); outline-offset: 2px; }
.btn[aria-busy='true'] { cursor: progress; }
.logo { flex: none; width: calc(var(--_h) * 0.45); height: calc(var(--_h) * 0.45); }
.google { background: #fff; color: #1f1f1f; border-color: #747775; font-family: Roboto, Arial, sans-serif; }
:host([theme='dark']) .google { background: #131314; color: #e3e3e3; border-color: #8e918f; }
.facebook { background: #0866ff; color: #fff; font-family: Helvetica, Arial, sans-serif; font-weight: 700; }
.apple { background: #000; color: #fff; font-family: -apple-system, BlinkMacSystemFont, 'Helvetica Neue', Arial, sans-serif; }
:host([theme='dark']) .apple { background: #fff; color: #000; }
.demo { background: var(--vitrine-login-demo-background, var(--vitrine-accent, #2b2118)); color: var(--vitrine-login-demo-color, var(--vitrine-on-accent, #fff)); }
.status { margin: 0; font-size: 13px; }
.status:not(:empty), .error { margin-top: 6px; }
.error { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; font-size: 13px; color: var(--vitrine-login-error-color, var(--vitrine-text, #b3261e)); }
.action { font: inherit; color: inherit; background: none; border: 1px solid currentColor; border-radius: var(--_r); padding: 4px 10px; cursor: pointer; }
.account { display: flex; align-items: center; gap: 8px; min-height: var(--_h); font-size: var(--_fs); }
.avatar { flex: none; width: calc(var(--_h) - 8px); height: calc(var(--_h) - 8px); border-radius: 50%; object-fit: cover; }
.initials { display: inline-grid; place-items: center; background: var(--vitrine-login-avatar-background, #6d4c41); color: var(--vitrine-login-avatar-color, #fff); font-weight: 600; }
@media (forced-colors: active) { .btn { border-color: ButtonText; } }
`;
