import type { Decorator } from '@storybook/web-components-vite';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { LitElement, css, html } from 'lit';
import { action } from 'storybook/actions';
import schema from '../schemas/events.schema.json';
import { type AnalyticsEvent, addSink } from '../src/core/track.js';

// The collector's own schema (examples/server validates every event with it): what passes here passes there.
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

/** The panel speaks the toolbar's language: French for the French marketers, English for every other. */
const panelCopy = {
  fr: {
    heading: (count: number) => `Événements d'analytics envoyés (${count})`,
    accepted: '✓ taxonomie',
    rejected: 'refusé par le collecteur :',
    none: 'Aucun pour l’instant : cliquez, votez ou partagez dans la story.',
  },
  en: {
    heading: (count: number) => `Analytics events sent (${count})`,
    accepted: '✓ taxonomy',
    rejected: 'rejected by the collector:',
    none: 'None yet: click, vote or share in the story.',
  },
};

interface Row {
  event: AnalyticsEvent;
  errors: string[];
}

/**
 * Below every story: each analytics event the widget sent, with its name, properties and whether the
 * collector's schema accepts it. The same events go to the Actions panel as `analytics: <name>`.
 */
class StoryAnalytics extends LitElement {
  static override properties = { rows: { state: true }, locale: {} };
  static override styles = css`
    :host { display: block; margin-top: 1.5rem; padding-top: .75rem; border-top: 1px dashed #8886; font: 13px/1.4 system-ui, sans-serif; }
    h2 { font-size: 13px; margin: 0 0 .25rem; }
    ol { margin: 0; padding-inline-start: 1.25rem; }
    code { font: 12px ui-monospace, monospace; overflow-wrap: anywhere; }
    .invalid { color: #b3261e; }
  `;
  rows: Row[] = [];
  locale = 'fr';
  #stop?: () => void;
  #storyId = '';

  /** A new story starts an empty list, before its widgets send anything. */
  set storyId(id: string) {
    if (id !== this.#storyId) this.rows = [];
    this.#storyId = id;
  }
  get storyId(): string {
    return this.#storyId;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#stop = addSink(tracked => {
      const event = JSON.parse(JSON.stringify(tracked)) as AnalyticsEvent;
      const errors = validate(event) ? [] : (validate.errors ?? []).map(error => `${error.instancePath || '/'} ${error.message}`);
      this.rows = [...this.rows, { event, errors }];
      action(`analytics: ${event.name}`)(event.properties);
    });
  }
  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stop?.();
  }
  override willUpdate(): void {
    // German, Spanish and Italian pages get the English panel: say so to screen readers.
    this.lang = this.locale === 'fr' ? 'fr' : 'en';
  }
  override render() {
    const copy = this.locale === 'fr' ? panelCopy.fr : panelCopy.en;
    return html`<h2>${copy.heading(this.rows.length)}</h2>
      ${this.rows.length
        ? html`<ol aria-live="polite">
            ${this.rows.map(
              ({ event, errors }) =>
                html`<li data-event=${event.name}>
                  <strong>${event.name}</strong> <code>${JSON.stringify(event.properties)}</code>
                  ${errors.length ? html`<span class="invalid">${copy.rejected} ${errors.join('; ')}</span>` : html`<span>${copy.accepted}</span>`}
                </li>`,
            )}
          </ol>`
        : html`<p>${copy.none}</p>`}`;
  }
}
if (!customElements.get('story-analytics')) customElements.define('story-analytics', StoryAnalytics);

export const withAnalytics: Decorator = (story, context) =>
  context.viewMode === 'docs' ? story() : html`${story()}<story-analytics .storyId=${context.id} .locale=${String(context.globals.locale ?? 'fr')}></story-analytics>`;
