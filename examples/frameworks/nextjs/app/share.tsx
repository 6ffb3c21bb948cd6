'use client';

import { useEffect, useRef, useState } from 'react';
import { init } from 'vitrine';
// Imported in a Client Component, which Next.js also renders on the server: safe there (nothing runs).
import 'vitrine/components/share/vitrine-share';

// No-op during server rendering; starts the engine in the browser.
init({ consent: 'required' });

export function Share({ url }: { url: string }) {
  const [shared, setShared] = useState('');
  const share = useRef<HTMLElementTagNameMap['vitrine-share']>(null);

  // React 19 does not attach `on<custom-event>` props while hydrating server-rendered markup
  // (facebook/react#35446), so a server-rendered page listens itself. `event` is typed: VitrineShareEvent.
  useEffect(() => {
    const element = share.current;
    const onShare = (event: HTMLElementEventMap['vitrine-share']) => {
      event.preventDefault();
      setShared(event.detail.network);
    };
    element?.addEventListener('vitrine-share', onShare);
    return () => element?.removeEventListener('vitrine-share', onShare);
  }, []);

  return (
    <>
      <vitrine-share ref={share} url={url} networks="x,facebook,email" no-native />
      <output>{shared}</output>
    </>
  );
}
