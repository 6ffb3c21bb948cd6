import { createApp } from 'vue';
import { init } from 'vitrine';
import 'vitrine/components/share/vitrine-share.js';
import App from './App.vue';

init({ consent: 'required', locale: 'en' });
createApp(App).mount('#app');
