#!/usr/bin/env node
// Generates, from schemas/events.schema.json (the one source of the taxonomy), the client's types and
// per-event checks (src/core/events.generated.ts) and the taxonomy table of docs/events.md.
// `--check` writes nothing and exits 1 when either is out of date, or when docs/wishlist.md's checked table
// names a property its event does not have (npm test runs it).
import { readFileSync, writeFileSync } from 'node:fs';

const SCHEMA = 'schemas/events.schema.json';
const TYPES = 'src/core/events.generated.ts';
const DOCS = 'docs/events.md';
const DOCS_START = '<!-- events table: generated from schemas/events.schema.json by `npm run events` -->';
const DOCS_END = '<!-- end of events table -->';

const schema = JSON.parse(readFileSync(SCHEMA, 'utf8'));
const names = schema.properties.name.enum;
const events = schema.definitions.events;

/** A property's schema with its `$ref` followed (one level: the taxonomy's shared definitions). */
const resolve = property => (property.$ref ? { ...schema.definitions[property.$ref.split('/').pop()], ...property, $ref: undefined } : property);

const tsType = property => {
  if (property.enum) return property.enum.map(value => JSON.stringify(value)).join(' | ');
  const types = [property.type].flat();
  return types.map(type => (type === 'integer' ? 'number' : type)).filter((type, i, all) => all.indexOf(type) === i).join(' | ');
};

const pascal = name => name.replace(/(^|_)([a-z])/g, (_, __, letter) => letter.toUpperCase());

function types() {
  const lines = [
    `// Generated from ${SCHEMA} by \`npm run events\`: do not edit. \`npm test\` fails when it is out of date.`,
    '',
  ];
  for (const name of names) {
    const event = events[name];
    const required = event.required ?? [];
    lines.push(`/** \`${name}\`: ${event.description} */`, `export interface ${pascal(name)}Properties {`);
    for (const [key, raw] of Object.entries(event.properties)) {
      const property = resolve(raw);
      if (property.description) lines.push(`  /** ${property.description} */`);
      lines.push(`  ${key}${required.includes(key) ? '' : '?'}: ${tsType(property)};`);
    }
    lines.push('}', '');
  }
  lines.push('/** Each event name, and the properties it carries. */', 'export interface EventPropertiesByName {');
  for (const name of names) lines.push(`  ${name}: ${pascal(name)}Properties;`);
  lines.push('}', '');
  lines.push(
    '/**',
    " * What the client checks before sending: each event's own property names, a required one",
    ' * prefixed with `!` (one string per event keeps the reporter small).',
    ' */',
    'export const EVENT_PROPERTIES: Record<keyof EventPropertiesByName, string> = {',
  );
  for (const name of names) {
    const event = events[name];
    const required = event.required ?? [];
    const spec = Object.keys(event.properties).map(key => (required.includes(key) ? `!${key}` : key));
    lines.push(`  ${name}: '${spec.join(' ')}',`);
  }
  lines.push('};', '');
  return lines.join('\n');
}

const describe = raw => {
  const property = resolve(raw);
  if (property.enum) return ` (${property.enum.map(value => `\`${value}\``).join(', ')})`;
  if (property.pattern) return ` (\`${property.pattern}\`)`;
  const types = [property.type].flat();
  if (types.includes('integer') && types.includes('string')) return ' (string, or an integer from -1 to 1)';
  if (types.includes('boolean')) return ' (true/false)';
  return '';
};

function table() {
  const rows = names.map(name => {
    const event = events[name];
    const required = event.required ?? [];
    const keys = Object.keys(event.properties).sort((a, b) => Number(required.includes(b)) - Number(required.includes(a)));
    const properties = keys.map(key => (required.includes(key) ? `**\`${key}\`**` : `\`${key}\``) + describe(event.properties[key]));
    return `| \`${name}\` | ${event.description} | ${properties.join(', ') || 'none'} |`;
  });
  return [DOCS_START, '', '| event | sent when | properties (**required**) |', '|---|---|---|', ...rows, '', DOCS_END].join('\n');
}

function docs() {
  const current = readFileSync(DOCS, 'utf8');
  const start = current.indexOf(DOCS_START);
  const end = current.indexOf(DOCS_END);
  if (start < 0 || end < 0) throw new Error(`${DOCS} has no generated events table (markers missing)`);
  return current.slice(0, start) + table() + current.slice(end + DOCS_END.length);
}

/**
 * The guides that list events in a table marked as checked (docs/wishlist.md): every event they name exists,
 * every property is that event's, and a bold one is required. Answers the mismatches.
 */
function checkGuide(file) {
  const text = readFileSync(file, 'utf8');
  const table = text.split('<!-- checked against schemas/events.schema.json')[1]?.split('\n\n')[0] ?? '';
  const problems = [];
  for (const row of table.split('\n').filter(line => /^\| `/.test(line))) {
    const [eventsCell, propertiesCell] = row.split('|').slice(1, 3);
    const named = [...eventsCell.matchAll(/`(\w+)`/g)].map(match => match[1]);
    for (const [, bold, key] of propertiesCell.matchAll(/(\*\*)?`(\w+)`/g)) {
      for (const name of named) {
        const event = events[name];
        if (!event) problems.push(`${file}: ${name} is not an event of the taxonomy`);
        else if (!(key in event.properties)) problems.push(`${file}: ${name} has no property ${key}`);
        else if (Boolean(bold) !== (event.required ?? []).includes(key)) problems.push(`${file}: ${name}.${key} is ${bold ? 'not ' : ''}required in the schema`);
      }
    }
  }
  if (!table) problems.push(`${file}: no checked events table`);
  return problems;
}

const outputs = { [TYPES]: types(), [DOCS]: docs() };
if (process.argv.includes('--check')) {
  const stale = Object.entries(outputs).filter(([file, text]) => readFileSync(file, 'utf8') !== text);
  if (stale.length) console.error(`${stale.map(([file]) => file).join(' and ')} out of date with ${SCHEMA}: run npm run events`);
  const problems = checkGuide('docs/wishlist.md');
  problems.forEach(problem => console.error(problem));
  if (stale.length || problems.length) process.exit(1);
} else {
  for (const [file, text] of Object.entries(outputs)) writeFileSync(file, text);
}
