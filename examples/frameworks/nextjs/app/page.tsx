import { Share } from './share';

// A Server Component: rendered on the server for every request (dynamic), the widget upgrading in the browser.
export const dynamic = 'force-dynamic';

export default function ProductPage() {
  return (
    <main>
      <h1>Robe Camille</h1>
      <Share url="https://shop.example/products/robe-camille" />
    </main>
  );
}
