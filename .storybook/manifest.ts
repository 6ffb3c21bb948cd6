import type { ArgTypes, Args } from '@storybook/web-components-vite';
import { noChange } from 'lit';
import { Directive, type ElementPart, PartType, directive } from 'lit/directive.js';
import manifest from '../custom-elements.json';

/** One element of `custom-elements.json` (npm run analyze), the fields the stories read. */
interface Described {
  name: string;
  description?: string;
  default?: string;
  type?: { text: string };
}
interface Declaration {
  tagName?: string;
  description?: string;
  attributes?: Described[];
  events?: Described[];
  cssProperties?: Described[];
  cssParts?: Described[];
  slots?: Described[];
  members?: Array<Described & { kind: string; privacy?: string; attribute?: string; static?: boolean }>;
}

const declarations = (manifest.modules as Array<{ declarations?: Declaration[] }>).flatMap(module => module.declarations ?? []);

export function elementOf(tag: string): Declaration {
  const element = declarations.find(declaration => declaration.tagName === tag);
  if (!element) throw new Error(`<${tag}> is not in custom-elements.json: run npm run analyze`);
  return element;
}

/** `'a' | 'b'` → ['a', 'b']; anything else (string, number, an alias) → undefined. */
function literalUnion(type: string | undefined): string[] | undefined {
  const members = type?.split('|').map(member => member.trim());
  return members && members.length > 1 && members.every(member => /^'[^']*'$/.test(member)) ? members.map(member => member.slice(1, -1)) : undefined;
}

/** The manifest writes defaults as source text: `'grid'`, `3`, `false`. */
function parseDefault(text: string | undefined): string | number | boolean | undefined {
  if (text === undefined) return undefined;
  if (/^'.*'$/.test(text)) return text.slice(1, -1);
  if (text === 'true' || text === 'false') return text === 'true';
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  return undefined;
}

/** `--x-color` or a description naming a colour: a colour picker; the rest a text field. */
const isColour = (property: Described) => /colou?r|background|accent|fill/i.test(`${property.name} ${property.description ?? ''}`);

/** The documented default of a CSS custom property: `@cssprop [--x=2.5rem]`, or "(8px)" at the end of its text. */
const cssDefault = (property: Described) => property.default ?? property.description?.match(/\(([^()]+)\)\.?$/)?.[1];

/**
 * Storybook `args`, `argTypes` and Actions handles for one element, read from custom-elements.json: every
 * attribute with its description, type, default and a control fitting its type; public properties without an
 * attribute, slots and parts documented; CSS custom properties as controls; events listed and sent to Actions.
 */
export function fromManifest(tag: string): { args: Args; argTypes: ArgTypes; parameters: { actions: { handles: string[] } } } {
  const element = elementOf(tag);
  const args: Args = {};
  const argTypes: ArgTypes = {};
  for (const attribute of element.attributes ?? []) {
    const type = attribute.type?.text ?? 'string';
    const options = literalUnion(type);
    const value = parseDefault(attribute.default);
    args[attribute.name] = value ?? '';
    argTypes[attribute.name] = {
      description: attribute.description,
      options,
      control: options ? (options.length <= 3 ? 'inline-radio' : 'select') : type === 'boolean' ? 'boolean' : type === 'number' ? 'number' : 'text',
      table: { category: 'attributes', type: { summary: type }, defaultValue: { summary: attribute.default ?? '—' } },
    };
  }
  const properties = (element.members ?? []).filter(member => member.kind === 'field' && !member.static && member.privacy !== 'private' && !member.attribute);
  for (const property of properties) {
    argTypes[property.name] = {
      description: property.description,
      control: false,
      table: { category: 'properties', type: { summary: property.type?.text ?? '' } },
    };
    // The merchant's own wording: a JSON control marketers type into, applied live by manifestAttributes().
    if (property.name === 'messages') {
      args.messages = {};
      argTypes.messages = { ...argTypes.messages, control: 'object', description: `${property.description} Type, for instance, { "fr": { "key": "your words" } }: the keys are in docs/i18n.md.` };
    }
  }
  // Storybook's own reading of the manifest lists every member, internal state included: hide those rows.
  for (const member of element.members ?? []) {
    if (member.privacy === 'private' || member.privacy === 'protected' || member.static || member.kind === 'method') argTypes[member.name] = { table: { disable: true } };
  }
  for (const property of element.cssProperties ?? []) {
    argTypes[property.name] = {
      description: property.description,
      control: isColour(property) ? 'color' : 'text',
      table: { category: 'css custom properties', defaultValue: { summary: cssDefault(property) ?? '—' } },
    };
  }
  for (const [category, items] of [
    ['events', element.events],
    ['slots', element.slots],
    ['css shadow parts', element.cssParts],
  ] as const) {
    for (const item of items ?? []) {
      argTypes[`${category}:${item.name || 'default'}`] = {
        name: item.name || '(default)',
        description: item.description,
        control: false,
        table: { category, type: item.type ? { summary: item.type.text } : undefined },
      };
    }
  }
  return { args, argTypes, parameters: { actions: { handles: (element.events ?? []).map(event => event.name) } } };
}

/**
 * `<vitrine-x ${manifestAttributes('vitrine-x', args)}>`: sets every manifest attribute from the story's args
 * (`false`, `''` and unset remove it), every non-empty CSS custom property arg as an inline style, and the
 * `messages` control as the element's `messages` property.
 */
class ManifestAttributes extends Directive {
  constructor(part: { type: number }) {
    super(part as never);
    if (part.type !== PartType.ELEMENT) throw new Error('manifestAttributes() goes on an element');
  }
  render(_tag: string, _args: Args) {
    return noChange;
  }
  override update(part: ElementPart, [tag, args]: [string, Args]) {
    const element = part.element as HTMLElement;
    const { attributes = [], cssProperties = [] } = elementOf(tag);
    for (const { name } of attributes) {
      const value = args[name] as unknown;
      if (value === false || value === '' || value === undefined || value === null) element.removeAttribute(name);
      else element.setAttribute(name, value === true ? '' : String(value));
    }
    if ('messages' in args) (element as HTMLElement & { messages?: unknown }).messages = args.messages ?? undefined;
    for (const { name } of cssProperties) {
      const value = args[name] as unknown;
      if (typeof value === 'string' && value !== '') element.style.setProperty(name, value);
      else element.style.removeProperty(name);
    }
    return noChange;
  }
}
export const manifestAttributes = directive(ManifestAttributes);
