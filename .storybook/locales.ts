/** The toolbar's languages: every one is checked by the accessibility tests. */
export const locales = [
  { value: 'fr', title: 'Français' },
  { value: 'en', title: 'English' },
];
