// Vitrine admin page for the Instagram feed: connection status and token warning, manual fetch,
// hotspot placement by clicking on a picture, catalog import. External script only (CSP), data
// rendered with textContent, the admin token kept in sessionStorage and sent as a Bearer header.
(() => {
  'use strict';

  const $ = id => document.getElementById(id);
  const params = new URLSearchParams(location.search);
  const state = { token: sessionStorage.getItem('vitrine-admin-token') ?? '', feed: params.get('feed') ?? 'maison-lumiere', status: null, post: null, slide: 0, pending: null };

  async function api(path, options = {}) {
    const response = await fetch(path, {
      ...options,
      headers: { authorization: `Bearer ${state.token}`, ...(options.headers ?? {}) },
    });
    const text = await response.text();
    const body = text ? JSON.parse(text) : undefined;
    if (!response.ok) throw new Error(body?.error?.message ?? `HTTP ${response.status}`);
    return body;
  }

  function element(tag, properties = {}, children = []) {
    const node = document.createElement(tag);
    Object.assign(node, properties);
    node.append(...children);
    return node;
  }

  async function open() {
    try {
      state.status = await api(`/v1/admin/feeds/${encodeURIComponent(state.feed)}`);
    } catch (error) {
      $('auth-error').textContent = error.message;
      return;
    }
    $('auth-error').textContent = '';
    sessionStorage.setItem('vitrine-admin-token', state.token);
    for (const id of ['status', 'editor', 'catalog']) $(id).hidden = false;
    renderStatus();
    renderPosts();
    await loadProducts();
  }

  function renderStatus() {
    const status = state.status;
    const warning = $('token-warning');
    warning.hidden = !status.token.warning;
    warning.textContent = status.token.warning;
    const rows = [
      ['Account', status.username ? `@${status.username}` : 'not connected'],
      ['Token', `${status.token.status}${status.token.expiresAt ? `, expires ${new Date(status.token.expiresAt).toLocaleString()}` : ''}`],
      ['Last fetch', status.fetchedAt ? new Date(status.fetchedAt).toLocaleString() : 'never'],
      ['Last error', status.lastError ?? 'none'],
      ['Next try after', status.retryAfter ? new Date(status.retryAfter).toLocaleString() : '—'],
    ];
    $('status-list').replaceChildren(...rows.flatMap(([term, value]) => [element('dt', { textContent: term }), element('dd', { textContent: value })]));
    if (params.get('connected')) $('status-message').textContent = 'Instagram account connected.';
    if (params.get('error')) $('status-message').textContent = `Instagram connection failed: ${params.get('error')}`;
  }

  function renderPosts() {
    $('posts').replaceChildren(
      ...state.status.posts.map(post => {
        const button = element(
          'button',
          { type: 'button', ariaLabel: post.caption.split('\n')[0].slice(0, 80) || post.id, ariaPressed: String(state.post?.id === post.id), onclick: () => selectPost(post.id) },
          [element('img', { src: post.slides[0].image, alt: '' })],
        );
        button.dataset.postId = post.id;
        return element('li', {}, [button]);
      }),
    );
  }

  async function loadProducts() {
    const { products } = await api('/v1/products');
    $('product').replaceChildren(...products.map(product => element('option', { value: product.id, textContent: `${product.title} (${product.id})` })));
  }

  function selectPost(id, slide = 0) {
    state.post = state.status.posts.find(post => post.id === id);
    state.slide = slide;
    state.pending = null;
    $('post-editor').hidden = false;
    renderPosts();
    renderSlide();
  }

  function renderSlide() {
    const post = state.post;
    const slide = post.slides[state.slide];
    $('picture').src = slide.image;
    $('picture').alt = `Post ${post.id}, slide ${state.slide + 1}`;
    $('slide-nav').hidden = post.slides.length < 2;
    $('slide-label').textContent = `Slide ${state.slide + 1} of ${post.slides.length}`;
    const markers = slide.hotspots.map(hotspot => marker(hotspot.x, hotspot.y, ''));
    if (state.pending) markers.push(marker(state.pending.x, state.pending.y, 'pending'));
    $('stage').replaceChildren($('picture'), ...markers);
    $('hotspots').replaceChildren(
      ...slide.hotspots.map(hotspot =>
        element('li', {}, [
          `${hotspot.productId} at (${hotspot.x.toFixed(2)}, ${hotspot.y.toFixed(2)}) — ${hotspot.source} `,
          element('button', { type: 'button', textContent: 'Remove', onclick: () => removeHotspot(hotspot.id) }),
        ]),
      ),
    );
  }

  function marker(x, y, kind) {
    const node = element('span', { className: `marker ${kind}` });
    node.style.left = `${x * 100}%`;
    node.style.top = `${y * 100}%`;
    return node;
  }

  async function refresh() {
    state.status = await api(`/v1/admin/feeds/${encodeURIComponent(state.feed)}`);
    renderStatus();
    if (state.post) selectPost(state.post.id, state.slide);
    else renderPosts();
  }

  async function removeHotspot(id) {
    await api(`/v1/admin/feeds/${encodeURIComponent(state.feed)}/posts/${state.post.id}/hotspots/${id}`, { method: 'DELETE' });
    await refresh();
  }

  $('auth').addEventListener('submit', event => {
    event.preventDefault();
    state.token = $('token').value;
    state.feed = $('feed').value;
    void open();
  });

  $('stage').addEventListener('click', event => {
    const box = $('picture').getBoundingClientRect();
    const round = value => Math.round(Math.min(1, Math.max(0, value)) * 1000) / 1000;
    state.pending = { x: round((event.clientX - box.left) / box.width), y: round((event.clientY - box.top) / box.height) };
    $('x').value = String(state.pending.x);
    $('y').value = String(state.pending.y);
    renderSlide();
  });

  $('prev-slide').addEventListener('click', () => selectPost(state.post.id, Math.max(0, state.slide - 1)));
  $('next-slide').addEventListener('click', () => selectPost(state.post.id, Math.min(state.post.slides.length - 1, state.slide + 1)));

  $('hotspot-form').addEventListener('submit', async event => {
    event.preventDefault();
    try {
      await api(`/v1/admin/feeds/${encodeURIComponent(state.feed)}/posts/${state.post.id}/hotspots`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ slide: state.slide, x: Number($('x').value), y: Number($('y').value), productId: $('product').value }),
      });
      state.pending = null;
      $('hotspot-message').textContent = 'Hotspot added: it shows on the storefront at the next page load.';
      await refresh();
    } catch (error) {
      $('hotspot-message').textContent = `Not saved: ${error.message}`;
    }
  });

  $('sync').addEventListener('click', async () => {
    const result = await api(`/v1/admin/feeds/${encodeURIComponent(state.feed)}/sync`, { method: 'POST' });
    $('status-message').textContent = result.ok ? 'Feed fetched.' : `Not fetched: ${result.error}`;
    await refresh();
  });

  $('connect').addEventListener('click', async () => {
    try {
      const { url } = await api(`/v1/admin/feeds/${encodeURIComponent(state.feed)}/instagram/authorize`, { method: 'POST' });
      location.assign(url);
    } catch (error) {
      $('status-message').textContent = error.message;
    }
  });

  $('import-form').addEventListener('submit', async event => {
    event.preventDefault();
    const file = $('import-file').files[0];
    const text = await file.text();
    const name = file.name.toLowerCase();
    const type = name.endsWith('.json') ? 'application/json' : /\.(tsv|txt)$/.test(name) ? 'text/tab-separated-values' : 'application/xml';
    const body = type === 'application/json' && text.trim().startsWith('[') ? JSON.stringify({ products: JSON.parse(text) }) : text;
    try {
      const result = await api('/v1/admin/catalog/import', { method: 'POST', headers: { 'content-type': type }, body });
      $('import-message').textContent = `${result.imported} product(s) imported${result.skipped.length ? `, ${result.skipped.length} skipped (${result.skipped.map(item => `#${item.index}: ${item.reason}`).join('; ')})` : ''}.`;
      await loadProducts();
    } catch (error) {
      $('import-message').textContent = `Import failed: ${error.message}`;
    }
  });

  $('feed').value = state.feed;
  if (state.token) {
    $('token').value = state.token;
    void open();
  }
})();
