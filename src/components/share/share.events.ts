/** What is about to be shared. The host may change `url`, `title` or `text` in place to change what is shared. */
export interface ShareRequestDetail {
  /** The network id (`pinterest`, `copy`, `native`, `look`, or a registered one). */
  network: string;
  /** The address that will be shared, with its attribution parameters. */
  url: string;
  title: string;
  text: string;
}

/**
 * Fired before anything is shared, opened or copied. Cancelable: the host page
 * calls `preventDefault()` to veto, or edits `detail` to change the shared data.
 */
export class VitrineShareEvent extends Event {
  static readonly eventName = 'vitrine-share';
  readonly detail: ShareRequestDetail;

  constructor(detail: ShareRequestDetail) {
    super(VitrineShareEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'vitrine-share': VitrineShareEvent;
  }
}
