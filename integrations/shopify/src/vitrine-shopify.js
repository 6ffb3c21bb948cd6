// Loaded by the Vitrine app embed, beside the loader. Two jobs Liquid cannot do once the page is drawn:
//  1. with "Shopify's cookie banner" chosen, pass the Customer Privacy API's analytics answer to Vitrine;
//  2. keep each wishlist heart on the variant the shopper picks in the theme's product form, with its price and picture.
(() => {
  const script = document.currentScript;
  if (window.__vitrineShopify) return;
  window.__vitrineShopify = true;

  if (script?.dataset.consentSource === 'shopify') {
    // Vitrine.setConsent loads the runtime: call it only once there is an answer.
    const answer = state => window.Vitrine?.setConsent(state);
    const read = () => {
      const privacy = window.Shopify?.customerPrivacy;
      if (!privacy) return;
      // Allowed: the shopper accepted, or the store's region needs no consent.
      if (privacy.analyticsProcessingAllowed()) answer('granted');
      else if (privacy.currentVisitorConsent?.().analytics === 'no') answer('denied');
      // Otherwise the banner is up: wait for visitorConsentCollected.
    };
    document.addEventListener('visitorConsentCollected', event => answer(event.detail?.analyticsAllowed ? 'granted' : 'denied'));
    if (window.Shopify?.customerPrivacy) read();
    else if (typeof window.Shopify?.loadFeatures === 'function') {
      window.Shopify.loadFeatures([{ name: 'consent-tracking-api', version: '0.1' }], error => {
        if (error) console.warn('[vitrine] Shopify Customer Privacy API did not load; analytics stay off.', error);
        else read();
      });
    } else {
      console.warn('[vitrine] the app embed reads consent from Shopify\'s cookie banner, but window.Shopify.loadFeatures is missing; analytics stay off.');
    }
  }

  // Themes keep the chosen variant's id in the product form's `id` field (a select, radios or a hidden input
  // their variant picker updates and announces with a change event).
  const followVariant = field => {
    const form = field.form;
    if (!form || !/\/cart\/add/.test(form.getAttribute('action') ?? '')) return;
    const productId = form.querySelector('[name="product-id"]')?.value;
    const section = form.closest('.shopify-section') ?? document;
    for (const button of section.querySelectorAll('vitrine-wishlist-button[data-vitrine-variants]')) {
      if (productId && button.getAttribute('product') !== productId) continue;
      let variants;
      try {
        variants = JSON.parse(button.dataset.vitrineVariants);
      } catch {
        continue;
      }
      const chosen = variants[field.value];
      if (!chosen) continue;
      button.setAttribute('variant', chosen.variant);
      button.setAttribute('price', chosen.price);
      if (chosen.image) button.setAttribute('image', chosen.image);
    }
  };
  document.addEventListener('change', event => {
    if (event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement) {
      if (event.target.name === 'id') followVariant(event.target);
    }
  });
})();
