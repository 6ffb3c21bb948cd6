import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** A served body in the encodings browsers accept, compressed once per version rather than once per request. */
export interface EncodedBody {
  identity: Buffer;
  br: Buffer;
  gzip: Buffer;
}

export function encodeBody(text: string): EncodedBody {
  const identity = Buffer.from(text);
  return {
    identity,
    br: brotliCompressSync(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: identity.length } }),
    gzip: gzipSync(identity, { level: 9 }),
  };
}

/**
 * The encoding to answer with, from the request's `Accept-Encoding`: brotli, then gzip, else none. A coding
 * given `q=0` is refused (RFC 9110 §12.5.3); every browser sends `gzip, deflate, br` or more.
 */
export function pickEncoding(accept: string | undefined): keyof EncodedBody {
  const offered = new Map(
    (accept ?? '').split(',').map(part => {
      const [coding, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map(param => /^\s*q=([\d.]+)\s*$/.exec(param)?.[1]).find(Boolean);
      return [coding, q === undefined ? 1 : Number(q)] as const;
    }),
  );
  const accepts = (coding: string) => (offered.get(coding) ?? offered.get('*') ?? 0) > 0;
  if (accepts('br')) return 'br';
  if (accepts('gzip')) return 'gzip';
  return 'identity';
}
