/** The toolbar's languages: every one is checked by the accessibility tests. German, Spanish and Italian load on first use. */
export const locales = [
  { value: 'fr', title: 'Français' },
  { value: 'en', title: 'English' },
  { value: 'de', title: 'Deutsch' },
  { value: 'es', title: 'Español' },
  { value: 'it', title: 'Italiano' },
];
