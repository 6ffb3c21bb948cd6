import fc from 'fast-check';

/** Strings an attacker sends: NUL, lone surrogates, control characters, among ordinary text. */
export const HOSTILE_STRINGS = [
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfff',
  'fin\ud83d',
  '\u0001',
  'tab\u000bvertical',
  '\u001b[31m',
  'del\u007f',
  '\u202eRTL',
  '\ufeff',
  "'; DROP TABLE products; --",
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '%00',
  'a'.repeat(5000),
] as const;

export const hostileString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.tuple(fc.string(), fc.constantFrom(...HOSTILE_STRINGS), fc.string()).map(parts => parts.join('')) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary' }) },
);

type Schema = Record<string, unknown> & {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  maxItems?: number;
};

export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}
export interface Operation {
  parameters?: Array<{ in: string; name: string; schema?: Schema }>;
  requestBody?: { content: Record<string, { schema: Schema }> };
}

/**
 * A fast-check arbitrary for values near `schema`: the right shape most of the time, with hostile strings
 * wherever a string goes, wrong types now and then, and arbitrary JSON sometimes.
 */
export function nearSchema(schema: Schema, document: OpenApiDocument, depth = 0): fc.Arbitrary<unknown> {
  if (schema.$ref) {
    const name = schema.$ref.split('/').pop()!.replace(/#$/, '');
    return nearSchema(document.components?.schemas?.[name] ?? {}, document, depth);
  }
  const wrong = fc.oneof(fc.jsonValue({ maxDepth: 2 }), hostileString, fc.constantFrom('1', true, null, -0, 1e308, '__proto__'));
  if (depth > 4) return wrong;
  const types = [schema.type ?? (schema.properties ? 'object' : 'any')].flat();
  const right: Array<fc.Arbitrary<unknown>> = types.map(type => {
    if (schema.enum) return fc.oneof(fc.constantFrom(...schema.enum), hostileString);
    switch (type) {
      case 'string':
        return fc.oneof(hostileString, fc.string({ maxLength: 60 }), fc.uuid());
      case 'integer':
        return fc.oneof(fc.integer(), fc.constantFrom(0, 1, -1, 2 ** 53));
      case 'number':
        return fc.oneof(fc.double({ noNaN: true }), fc.constantFrom(0, 0.5, 1));
      case 'boolean':
        return fc.boolean();
      case 'null':
        return fc.constant(null);
      case 'array':
        return fc.array(nearSchema(schema.items ?? {}, document, depth + 1), { maxLength: Math.min(schema.maxItems ?? 5, 5) });
      case 'object': {
        const properties = Object.fromEntries(Object.entries(schema.properties ?? {}).map(([key, child]) => [key, nearSchema(child, document, depth + 1)]));
        const required = (schema.required ?? []).filter(key => key in properties);
        return fc.record(properties, { requiredKeys: required });
      }
      default:
        return fc.jsonValue({ maxDepth: 2 });
    }
  });
  return fc.oneof({ weight: 6, arbitrary: fc.oneof(...right) }, { weight: 1, arbitrary: wrong });
}

/**
 * A path segment as an attacker writes it: percent-encoded UTF-8, with a lone surrogate sent as its
 * WTF-8 bytes (encodeURIComponent refuses to encode one).
 */
export const attackerSegment = (value: string): string =>
  encodeURIComponent(value.replace(/\p{Cs}/gu, '\ufffd')).replace(/%EF%BF%BD/g, '%ED%A0%80');
