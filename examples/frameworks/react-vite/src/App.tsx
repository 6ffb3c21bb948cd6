import { useState } from 'react';
import { init } from 'vitrine';
import 'vitrine/components/share/vitrine-share.js';
import 'vitrine/components/wishlist-button/vitrine-wishlist-button';
import type { VitrineShareEvent } from 'vitrine/events';

// Once, before the first widget renders: the API is this site's own (see docs/frameworks/react.md).
init({ consent: 'required', locale: 'en' });

export function App() {
  const [shared, setShared] = useState('');

  // Typed by vitrine/react: `event` is a VitrineShareEvent, `event.detail.network` a string.
  const onShare = (event: VitrineShareEvent) => {
    // The demo shares nowhere: it vetoes the share and shows what would have gone out.
    event.preventDefault();
    setShared(`${event.detail.network}: ${event.detail.url}`);
  };

  return (
    <main>
      <h1>Robe Camille</h1>
      <vitrine-share
        url="https://shop.example/products/robe-camille"
        title="Robe Camille"
        networks="x,facebook,email"
        no-native
        onvitrine-share={onShare}
      />
      <vitrine-wishlist-button product="ML-ROBE-CAMILLE" variant="M" />
      <output aria-label="Last share">{shared}</output>
    </main>
  );
}
