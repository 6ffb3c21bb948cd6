import { CUSTOM_ELEMENTS_SCHEMA, Component, signal } from '@angular/core';
import type { VitrineShareEvent } from 'vitrine/events';

@Component({
  selector: 'app-root',
  // <vitrine-*> are custom elements, not Angular components: the schema lets the compiler accept their tags.
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <main>
      <h1>Robe Camille</h1>
      <vitrine-share
        url="https://shop.example/products/robe-camille"
        title="Robe Camille"
        networks="x,facebook,email"
        no-native
        (vitrine-share)="onShare($event)"
      ></vitrine-share>
      <output aria-label="Last share">{{ shared() }}</output>
    </main>
  `,
})
export class App {
  protected readonly shared = signal('');

  // With strictTemplates, `$event` of (vitrine-share) is a VitrineShareEvent: Angular types DOM events by the
  // element's own event map, which vitrine/events declares.
  protected onShare(event: VitrineShareEvent): void {
    // The demo shares nowhere: it vetoes the share and shows what would have gone out.
    event.preventDefault();
    this.shared.set(`${event.detail.network}: ${event.detail.url}`);
  }
}
