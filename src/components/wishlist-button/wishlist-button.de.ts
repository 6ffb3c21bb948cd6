import type { WishlistButtonMessages } from './wishlist-button.i18n.js';

/** Formal (Sie), as the French catalog says vous: the register of fashion maisons' German sites. */
const de: WishlistButtonMessages = {
  add: 'Auf meine Wunschliste',
  added: 'Zu Ihrer Wunschliste hinzugefügt',
  removed: 'Von Ihrer Wunschliste entfernt',
  lovedOne: '# Freund liebt es',
  lovedOther: '# Freunde lieben es',
};
export default de;
