// `.client`: runs in the browser only, where it registers the tags and starts the engine. The API is this
// site's own (see docs/frameworks/vue.md).
import { init } from 'vitrine';
import 'vitrine/components/share/vitrine-share.js';

export default defineNuxtPlugin(() => {
  init({ consent: 'required', locale: 'en' });
});
