/**
 * WCAG 2.2 level A and AA success criteria (4.1.1 Parsing is obsolete in 2.2), and for those no automated test
 * decides, the reviewed verdict per widget: `*` for all, or a widget's own entry. Read by scripts/conformance.ts.
 */
export type Widget = 'share' | 'feed' | 'wishlist' | 'login';
export interface Review {
  status: 'passed' | 'not applicable';
  how: string;
}
export interface Criterion {
  id: string;
  name: string;
  level: 'A' | 'AA';
  review?: Partial<Record<Widget | '*', Review>>;
}

const na = (how: string): Review => ({ status: 'not applicable', how });
const reviewed = (how: string): Review => ({ status: 'passed', how: `Code review: ${how}` });
const noMedia = na('The widget plays no audio or video.');

export const criteria: Criterion[] = [
  { id: '1.1.1', name: 'Non-text Content', level: 'A', review: { share: reviewed('network icons are `aria-hidden`; every button has a text name (axe `button-name`).'), login: reviewed('provider logos are `aria-hidden`; compact buttons keep the full label as their name (axe `button-name`); the avatar has an empty alt beside the visible first name.') } },
  { id: '1.2.1', name: 'Audio-only and Video-only (Prerecorded)', level: 'A', review: { '*': noMedia, feed: na("The feed shows the merchant's Instagram videos with native controls; their content, and any transcript, is the merchant's (see the statement snippet).") } },
  { id: '1.2.2', name: 'Captions (Prerecorded)', level: 'A', review: { '*': noMedia, feed: na("Captions of Instagram videos are the merchant's content; the widget plays what Instagram hosts (see the statement snippet).") } },
  { id: '1.2.3', name: 'Audio Description or Media Alternative (Prerecorded)', level: 'A', review: { '*': noMedia, feed: na("Merchant's content, as 1.2.2; each post's caption is shown as text beside it.") } },
  { id: '1.2.4', name: 'Captions (Live)', level: 'AA', review: { '*': na('No live media.') } },
  { id: '1.2.5', name: 'Audio Description (Prerecorded)', level: 'AA', review: { '*': noMedia, feed: na("Merchant's content, as 1.2.2.") } },
  { id: '1.3.1', name: 'Info and Relationships', level: 'A', review: { login: reviewed('the provider buttons are a labelled `role="group"`; the signed-in state and errors are `role="status"` / `role="alert"` regions.') } },
  { id: '1.3.2', name: 'Meaningful Sequence', level: 'A', review: { '*': reviewed('the DOM order is the visual order (no CSS `order`, no absolute reordering); the keyboard tests walk it with Tab.') } },
  { id: '1.3.3', name: 'Sensory Characteristics', level: 'A', review: { '*': reviewed('no instruction relies on shape, place or sound; the deck says "swipe, ← →, or the buttons", each button has a text name.') } },
  { id: '1.3.4', name: 'Orientation', level: 'AA', review: { '*': reviewed('no style or script locks the orientation (axe `css-orientation-lock` finds no orientation media query to check).') } },
  { id: '1.3.5', name: 'Identify Input Purpose', level: 'AA', review: { '*': na('No field asks for the shopper\'s own data.'), wishlist: reviewed('the friend\'s first-name field has `autocomplete="given-name"` (axe `autocomplete-valid` runs on it).') } },
  { id: '1.4.1', name: 'Use of Color', level: 'A', review: { '*': reviewed('states are never colour alone: pressed votes and hotspots carry `aria-pressed` and a filled shape, errors a text message, the saved heart a fill and its name.') } },
  { id: '1.4.2', name: 'Audio Control', level: 'A', review: { '*': noMedia, feed: reviewed('videos never autoplay (`preload="none"`, native controls).') } },
  { id: '1.4.3', name: 'Contrast (Minimum)', level: 'AA' },
  { id: '1.4.4', name: 'Resize Text', level: 'AA' },
  { id: '1.4.5', name: 'Images of Text', level: 'AA', review: { '*': reviewed('all text is text; logos (network and provider marks) are the only images of text, which the criterion exempts.'), feed: reviewed('widget text is text; the merchant\'s Instagram pictures are their content.') } },
  { id: '1.4.10', name: 'Reflow', level: 'AA' },
  { id: '1.4.11', name: 'Non-text Contrast', level: 'AA', review: { '*': reviewed('controls have a `currentColor` border, or a filled background over pictures (carousel arrows, hotspots ringed in the text colour); the focus ring defaults to a colour of at least 3:1 and merchants choosing `--vitrine-focus-ring` are told to keep 3:1 (docs/tokens.md).') } },
  { id: '1.4.12', name: 'Text Spacing', level: 'AA', review: { '*': reviewed('no fixed heights on text containers; buttons use min-height and padding, so larger line, word and letter spacing grows them.') } },
  { id: '1.4.13', name: 'Content on Hover or Focus', level: 'AA', review: { '*': na('No tooltip or content appears on hover or focus.'), share: reviewed('the menu opens on click or key, not hover; Escape closes it; it stays while hovered.') } },
  { id: '2.1.1', name: 'Keyboard', level: 'A' },
  { id: '2.1.2', name: 'No Keyboard Trap', level: 'A', review: { wishlist: reviewed('the deck card, fields and buttons are ordinary tab stops with no key handler on Tab.'), login: reviewed('the buttons are ordinary tab stops; the sign-in popup is a separate window the shopper can close or leave.') } },
  { id: '2.1.4', name: 'Character Key Shortcuts', level: 'A', review: { '*': reviewed('no single-character shortcut; arrow keys act only inside the focused menu, dialog or card.') } },
  { id: '2.2.1', name: 'Timing Adjustable', level: 'A', review: { '*': reviewed('no time limit; the "Lien copié" notice stays until the next action.') } },
  { id: '2.2.2', name: 'Pause, Stop, Hide', level: 'A', review: { '*': reviewed('nothing moves, blinks or scrolls by itself (no autoplay carousel).') } },
  { id: '2.3.1', name: 'Three Flashes or Below Threshold', level: 'A', review: { '*': reviewed('no flashing content.') } },
  { id: '2.4.1', name: 'Bypass Blocks', level: 'A', review: { '*': na('A widget is one block inside the merchant\'s page; skip links are the page\'s.') } },
  { id: '2.4.2', name: 'Page Titled', level: 'A', review: { '*': na('A widget is not a page; the page title is the merchant\'s.') } },
  { id: '2.4.3', name: 'Focus Order', level: 'A' },
  { id: '2.4.4', name: 'Link Purpose (In Context)', level: 'A', review: { '*': na('The widget shows no link.'), feed: reviewed('product links carry the product name, "Voir sur Instagram" says where it goes (axe `link-name`).'), wishlist: reviewed('each product link is the product name (axe `link-name`).') } },
  { id: '2.4.5', name: 'Multiple Ways', level: 'AA', review: { '*': na('Applies to sets of pages, not to a widget.') } },
  { id: '2.4.6', name: 'Headings and Labels', level: 'AA', review: { '*': reviewed('every control\'s name says what it does ("Partager sur Pinterest", "J\'adore", "Se connecter avec Google"); the feed dialog\'s heading is "Shopper le look".') } },
  { id: '2.4.7', name: 'Focus Visible', level: 'AA' },
  { id: '2.4.11', name: 'Focus Not Obscured (Minimum)', level: 'AA', review: { '*': reviewed('the widgets draw nothing sticky or floating over the page; the share menu and the feed dialog hold focus inside themselves.') } },
  { id: '2.5.1', name: 'Pointer Gestures', level: 'A', review: { '*': na('No multipoint or path gesture.') } },
  { id: '2.5.2', name: 'Pointer Cancellation', level: 'A', review: { '*': reviewed('every action runs on `click` (the up event); a swipe votes only on pointer-up past the threshold and is cancelled by moving back.') } },
  { id: '2.5.3', name: 'Label in Name', level: 'A', review: { wishlist: reviewed('vote, share and remove buttons are named by their visible text (the remove button adds the product name after it).'), login: reviewed('each button\'s name is its visible label (« Se connecter avec Google »); compact buttons show no text.') } },
  { id: '2.5.4', name: 'Motion Actuation', level: 'A', review: { '*': na('Nothing responds to device motion.') } },
  { id: '2.5.7', name: 'Dragging Movements', level: 'AA', review: { '*': na('Nothing needs dragging.') } },
  { id: '2.5.8', name: 'Target Size (Minimum)', level: 'AA' },
  { id: '3.1.1', name: 'Language of Page', level: 'A', review: { '*': na('The page\'s `<html lang>` is the merchant\'s; the widget follows it.') } },
  { id: '3.1.2', name: 'Language of Parts', level: 'AA', review: { '*': reviewed('the widget\'s text is in the language it resolves (its `lang`, then `<html lang>`), tested in French and English; a `lang` on the element marks the part.') } },
  { id: '3.2.1', name: 'On Focus', level: 'A', review: { '*': reviewed('focus never opens, submits or navigates.') } },
  { id: '3.2.2', name: 'On Input', level: 'A', review: { '*': reviewed('typing a first name or comment changes nothing until a vote button is pressed.') } },
  { id: '3.2.3', name: 'Consistent Navigation', level: 'AA', review: { '*': na('Applies to navigation repeated across pages.') } },
  { id: '3.2.4', name: 'Consistent Identification', level: 'AA', review: { '*': reviewed('one name per function in every widget and locale, from one catalog per widget.') } },
  { id: '3.2.6', name: 'Consistent Help', level: 'A', review: { '*': na('The widget offers no help mechanism.') } },
  { id: '3.3.1', name: 'Error Identification', level: 'A', review: { '*': na('No input can be in error.'), login: reviewed('a failed sign-in shows a text message (`role="alert"`) naming the provider, with a retry button (stories: Popup Closed Error, Refused Error, Network Error).'), wishlist: reviewed('a failed vote or an unknown link shows a text message in `role="alert"`.') } },
  { id: '3.3.2', name: 'Labels or Instructions', level: 'A', review: { '*': na('No input.'), wishlist: reviewed('the first-name and comment fields have visible labels (axe `label` runs on them); the deck states how to vote.'), share: reviewed('the manual copy field (shown when the clipboard is refused) has a visible label.') } },
  { id: '3.3.3', name: 'Error Suggestion', level: 'AA', review: { '*': na('No input can be in error.'), login: reviewed('each error says what to do ("Réessayer", allow popups).') } },
  { id: '3.3.4', name: 'Error Prevention (Legal, Financial, Data)', level: 'AA', review: { '*': na('No legal or financial commitment; removing a wishlist item is undone by adding it again.') } },
  { id: '3.3.7', name: 'Redundant Entry', level: 'A', review: { '*': na('No multi-step process.'), wishlist: reviewed('the friend\'s first name is kept for every vote of the visit.') } },
  { id: '3.3.8', name: 'Accessible Authentication (Minimum)', level: 'AA', review: { '*': na('No authentication.'), login: reviewed('sign-in goes to Google, Facebook or Apple in a popup or redirect: no password or puzzle in the widget; the providers\' pages are theirs.') } },
  { id: '4.1.2', name: 'Name, Role, Value', level: 'A' },
  { id: '4.1.3', name: 'Status Messages', level: 'AA', review: { '*': na('No status message.'), share: reviewed('"Lien copié" is announced from a `role="status"` region.'), wishlist: reviewed('the vote result and the deck position are announced (`role="status"`, `aria-live="polite"`).'), login: reviewed('the signed-in state and errors are announced (`role="status"`, `role="alert"`).'), feed: reviewed('nothing changes without a shopper action that moves focus to the result.') } },
];
