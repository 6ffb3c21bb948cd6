import { bootstrapApplication } from '@angular/platform-browser';
import { init } from 'vitrine';
import 'vitrine/components/share/vitrine-share.js';
import { App } from './app/app';

// Once, before the first widget renders: the API is this site's own (see docs/frameworks/angular.md).
init({ consent: 'required', locale: 'en' });
bootstrapApplication(App).catch((error: unknown) => console.error(error));
