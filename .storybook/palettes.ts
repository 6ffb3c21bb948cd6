/**
 * Brand palettes for the toolbar: each sets only the global design tokens (docs/tokens.md), which every
 * widget's own `--vitrine-<widget>-*` properties fall back to. `none` shows the widgets' built-in defaults.
 */
export const palettes = {
  none: { title: 'Sans thème (défauts)', tokens: {} },
  'maison-lumiere': {
    title: 'Maison Lumière',
    tokens: {
      '--vitrine-accent': '#8a4b2a',
      '--vitrine-on-accent': '#ffffff',
      '--vitrine-surface': '#fbf4ee',
      '--vitrine-text': '#2b2118',
      '--vitrine-radius': '2px',
      '--vitrine-font': "Georgia, 'Times New Roman', serif",
      '--vitrine-focus-ring': '2px solid #8a4b2a',
    },
  },
  'dark-boutique': {
    title: 'Boutique sombre',
    tokens: {
      '--vitrine-accent': '#f3c9b4',
      '--vitrine-on-accent': '#1d1b19',
      '--vitrine-surface': '#1d1b19',
      '--vitrine-text': '#f3ece4',
      '--vitrine-radius': '0',
      '--vitrine-font': "'Helvetica Neue', Arial, sans-serif",
      '--vitrine-focus-ring': '2px solid #f3c9b4',
    },
  },
  'high-contrast': {
    title: 'Contraste élevé',
    tokens: {
      '--vitrine-accent': '#000000',
      '--vitrine-on-accent': '#ffffff',
      '--vitrine-surface': '#ffffff',
      '--vitrine-text': '#000000',
      '--vitrine-radius': '0',
      '--vitrine-font': 'system-ui, sans-serif',
      '--vitrine-focus-ring': '3px solid #000000',
    },
  },
} satisfies Record<string, { title: string; tokens: Record<string, string> }>;

export type PaletteName = keyof typeof palettes;
export const paletteNames = Object.keys(palettes) as PaletteName[];

/** The palette's tokens as an inline style, plus the page colours they imply (so contrast is checked against them). */
export function paletteStyle(name: string): string {
  const palette = palettes[name as PaletteName] ?? palettes.none;
  const tokens = Object.entries(palette.tokens).map(([property, value]) => `${property}: ${value}`);
  const page = 'padding: 1rem; background: var(--vitrine-surface, #fff); color: var(--vitrine-text, #1d1b19); font-family: var(--vitrine-font, system-ui, sans-serif)';
  return [...tokens, page].join('; ');
}
