/* Maison Lumière — comportements de la boutique de démonstration.
 * Chargé avec `defer`, compatible CSP stricte (aucun code inline).
 * Le loader Vitrine est `async` : on attend son événement `load` si besoin. */
(function () {
  'use strict';

  var CONSENT_KEY = 'maison-lumiere:consent';
  var LANG_KEY = 'maison-lumiere:lang';

  function readStore(key) {
    try { return window.localStorage.getItem(key); } catch { return null; }
  }
  function writeStore(key, value) {
    try { window.localStorage.setItem(key, value); } catch { /* stockage indisponible */ }
  }

  /* Exécute `fn` dès que le SDK Vitrine est disponible (sans sondage). */
  function whenVitrine(fn) {
    if (window.Vitrine) { fn(); return; }
    var loader = document.querySelector('script[src$="vitrine.js"]');
    if (!loader) return;
    loader.addEventListener('load', function () { if (window.Vitrine) fn(); }, { once: true });
  }

  /* ---- Consentement à la mesure d'audience ---- */
  function applyConsent(choice) {
    whenVitrine(function () { window.Vitrine?.setConsent(choice); });
  }

  var banner = document.getElementById('consent-banner');
  var stored = readStore(CONSENT_KEY);
  if (stored === 'granted' || stored === 'denied') {
    applyConsent(stored);
  } else if (banner) {
    banner.classList.remove('is-hidden');
  }

  if (banner) {
    banner.addEventListener('click', function (event) {
      var button = event.target.closest('button[data-consent]');
      if (!button) return;
      var choice = button.getAttribute('data-consent') === 'granted' ? 'granted' : 'denied';
      writeStore(CONSENT_KEY, choice);
      applyConsent(choice);
      banner.classList.add('is-hidden');
      showToast(choice === 'granted' ? 'Merci, mesure d\u2019audience activée.' : 'C\u2019est noté, aucune mesure d\u2019audience.');
    });
  }

  /* ---- Sélecteur de langue ---- */
  var langButtons = document.querySelectorAll('.lang-btn[data-lang]');

  function setLang(lang, notify) {
    document.documentElement.lang = lang;
    langButtons.forEach(function (btn) {
      btn.setAttribute('aria-pressed', String(btn.getAttribute('data-lang') === lang));
    });
    if (notify) whenVitrine(function () { window.Vitrine?.setLocale(lang); });
  }

  langButtons.forEach(function (btn) {
    btn.addEventListener('click', function () {
      var lang = btn.getAttribute('data-lang');
      writeStore(LANG_KEY, lang);
      setLang(lang, true);
    });
  });

  var storedLang = readStore(LANG_KEY);
  if (storedLang === 'fr' || storedLang === 'en') {
    setLang(storedLang, storedLang !== 'fr');
  }

  /* ---- Notification ---- */
  var toast = document.getElementById('toast');
  var toastTimer = 0;

  function showToast(message) {
    if (!toast) return;
    toast.textContent = message;
    toast.classList.add('is-visible');
    window.clearTimeout(toastTimer);
    toastTimer = window.setTimeout(function () {
      toast.classList.remove('is-visible');
      toastTimer = window.setTimeout(function () { toast.textContent = ''; }, 300);
    }, 2600);
  }

  /* ---- Ajout au panier (démo) ---- */
  document.querySelectorAll('form[data-add-to-cart]').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      showToast('Ajouté au panier (démo)');
    });
  });
})();
