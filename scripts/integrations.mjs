#!/usr/bin/env node
// After the build: editor data and framework types, all generated from custom-elements.json, so they say
// what the elements' JSDoc says and cannot drift from it.
//  - dist/vscode.html-custom-data.json (VS Code `html.customData`) and dist/web-types.json (JetBrains);
//  - dist/types/frameworks/<framework>.d.ts: each tag in React 19, Preact and Solid JSX, Vue's GlobalComponents
//    and Svelte's elements, with attributes, properties and typed event handlers; dist/frameworks/<framework>.js
//    is empty, so the entry resolves at run time too.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const { name, version } = JSON.parse(readFileSync('package.json', 'utf8'));

/** Each element: its tag, class, docs, and the entry (define file) that registers it. */
const elements = manifest.modules.flatMap(module =>
  (module.exports ?? [])
    .filter(entry => entry.kind === 'custom-element-definition')
    .map(entry => {
      const declaration = manifest.modules
        .find(candidate => candidate.path === entry.declaration.module)
        .declarations.find(candidate => candidate.name === entry.declaration.name);
      const properties = (declaration.members ?? []).filter(
        member => member.kind === 'field' && member.privacy === 'public' && !member.static && !member.readonly,
      );
      return { tag: entry.name, className: declaration.name, entry: module.path, declaration, properties };
    }),
);

const oneLine = text => (text ?? '').replace(/\s+/g, ' ').trim();
const doc = (text, indent) => (text ? `${indent}/** ${oneLine(text).replaceAll('*/', '*\\/')} */\n` : '');
/** `'a' | 'b'` from an attribute's type when it is a union of string literals, for editors' value lists. */
const literals = type => {
  const parts = (type?.text ?? '').split('|').map(part => part.trim());
  return parts.every(part => /^'[^']*'$/.test(part)) ? parts.map(part => part.slice(1, -1)) : [];
};

// Editors.
const vscode = {
  $schema: 'https://raw.githubusercontent.com/microsoft/vscode-html-languageservice/main/docs/customData.schema.json',
  version: 1.1,
  tags: elements.map(({ tag, declaration }) => ({
    name: tag,
    description: oneLine(declaration.summary ?? declaration.description),
    attributes: (declaration.attributes ?? []).map(attribute => ({
      name: attribute.name,
      description: oneLine(attribute.description),
      ...(literals(attribute.type).length ? { values: literals(attribute.type).map(value => ({ name: value })) } : {}),
      ...(attribute.type?.text === 'boolean' ? { valueSet: 'v' } : {}),
    })),
  })),
};
const webTypes = {
  $schema: 'https://json.schemastore.org/web-types',
  name,
  version,
  'description-markup': 'markdown',
  contributions: {
    html: {
      elements: elements.map(({ tag, declaration, properties }) => ({
        name: tag,
        description: oneLine(declaration.summary ?? declaration.description),
        attributes: (declaration.attributes ?? []).map(attribute => ({
          name: attribute.name,
          description: oneLine(attribute.description),
          value: { type: attribute.type?.text ?? 'string', required: false },
          ...(attribute.default ? { default: attribute.default } : {}),
        })),
        js: {
          properties: properties.map(property => ({ name: property.name, description: oneLine(property.description), type: property.type?.text })),
          events: (declaration.events ?? []).map(event => ({ name: event.name, description: oneLine(event.description), type: event.type?.text })),
        },
        events: (declaration.events ?? []).map(event => ({ name: event.name, description: oneLine(event.description) })),
        slots: (declaration.slots ?? []).map(slot => ({ name: slot.name, description: oneLine(slot.description) })),
        css: {
          parts: (declaration.cssParts ?? []).map(part => ({ name: part.name, description: oneLine(part.description) })),
          properties: (declaration.cssProperties ?? []).map(property => ({ name: property.name, description: oneLine(property.description) })),
        },
      })),
    },
  },
};

// Framework types. Types are read from the element classes themselves (`VitrineShare['layout']`), so they are
// exactly what TypeScript knows of each property.
const importsOf = dir =>
  elements
    .map(({ className, entry, declaration }) => {
      const events = [...new Set((declaration.events ?? []).map(event => event.type.text))];
      const path = entry.replace(/^dist\//, '../');
      return `import type { ${[className, ...events].join(', ')} } from '${dir}${path.slice(3)}';`;
    })
    .join('\n');
const header = framework =>
  `// Generated from custom-elements.json by scripts/integrations.mjs: <vitrine-*> in ${framework}.\n${importsOf('../')}\n`;
/** An attribute's value as markup writes it: the property's type when that is a primitive, else a string. */
const ATTRIBUTE_VALUE = 'type AttributeValue<T> = T extends string | number | boolean | null | undefined ? T : string;\n';
/** A member name as TypeScript needs it written: quoted when it is not an identifier (`'no-native'`). */
const key = name => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : `'${name}'`);
const camel = tag => tag.replace(/(^|-)([a-z])/g, (_, dash, letter) => letter.toUpperCase());

/** Attribute members (kebab-case, as markup writes them), then properties where the name differs. */
const attributeMembers = ({ className, declaration, properties }, indent, { properties: withProperties = true } = {}) =>
  [
    ...(declaration.attributes ?? []).map(
      attribute => `${doc(attribute.description, indent)}${indent}${key(attribute.name)}?: AttributeValue<${className}['${attribute.fieldName}']>;\n`,
    ),
    ...(withProperties ? properties : [])
      .filter(property => !(declaration.attributes ?? []).some(attribute => attribute.name === property.name))
      .map(property => `${doc(property.description, indent)}${indent}${property.name}?: ${className}['${property.name}'];\n`),
  ].join('');
const eventMembers = ({ declaration }, indent, key) =>
  (declaration.events ?? []).map(event => `${doc(event.description, indent)}${indent}${key(event.name)}?: (event: ${event.type.text}) => void;\n`).join('');

/** React 19 and Preact: properties by name, `on<event-name>` listeners (both add the listener for the exact name after `on`). */
const jsx = (framework, module, importLine, base) =>
  `${header(framework)}${importLine}

${ATTRIBUTE_VALUE}
${elements
  .map(
    element => `/** \`<${element.tag}>\` in ${framework}: attributes, properties, and a listener per event (\`onvitrine-…\`). */
export interface ${element.className}Props extends ${base(element.className)} {
${attributeMembers(element, '  ')}${eventMembers(element, '  ', event => `'on${event}'`)}}
`,
  )
  .join('\n')}
declare module '${module}' {
  namespace JSX {
    interface IntrinsicElements {
${elements.map(({ tag, className }) => `      '${tag}': ${className}Props;`).join('\n')}
    }
  }
}
`;
const react = jsx('React 19', 'react', "import type { HTMLAttributes, RefAttributes } from 'react';", className => `HTMLAttributes<${className}>, RefAttributes<${className}>`);
// `HTMLAttributes` from the package root: Preact 10.19+ exports it there, Preact 11 only there (no `JSX.HTMLAttributes`).
const preact = jsx('Preact', 'preact', "import type { HTMLAttributes as PreactHTMLAttributes } from 'preact';", className => `PreactHTMLAttributes<${className}>`);

const solid = `${header('Solid')}import type { JSX as SolidJSX } from 'solid-js';

${ATTRIBUTE_VALUE}
${elements
  .map(
    element => `/** \`<${element.tag}>\` in Solid: attributes, \`prop:\` properties, and \`on:vitrine-…\` listeners. */
export interface ${element.className}SolidProps extends SolidJSX.HTMLAttributes<${element.className}> {
${attributeMembers(element, '  ', { properties: false })}${element.properties
      .map(property => `${doc(property.description, '  ')}  'prop:${property.name}'?: ${element.className}['${property.name}'];\n`)
      .join('')}${eventMembers(element, '  ', event => `'on:${event}'`)}}
`,
  )
  .join('\n')}
declare module 'solid-js' {
  namespace JSX {
    interface IntrinsicElements {
${elements.map(({ tag, className }) => `      '${tag}': ${className}SolidProps;`).join('\n')}
    }
  }
}
`;

/** Vue: `@vitrine-share` in a template is the `onVitrineShare` prop to vue-tsc. */
const vue = `${header('Vue 3')}import type { DefineComponent } from 'vue';

${ATTRIBUTE_VALUE}
${elements
  .map(
    element => `/** \`<${element.tag}>\` in Vue templates: attributes, properties, and \`@vitrine-…\` listeners. */
export interface ${element.className}VueProps {
${attributeMembers(element, '  ')}${eventMembers(element, '  ', event => `on${camel(event)}`)}}
`,
  )
  .join('\n')}
declare module 'vue' {
  interface GlobalComponents {
${elements.map(({ tag, className }) => `    '${tag}': DefineComponent<${className}VueProps>;`).join('\n')}
  }
}
`;

/** Svelte 5: `onvitrine-share={…}` adds a listener for the exact name after `on`. */
const svelte = `${header('Svelte 5')}import type { HTMLAttributes } from 'svelte/elements';

${ATTRIBUTE_VALUE}
${elements
  .map(
    element => `/** \`<${element.tag}>\` in Svelte: attributes, and \`onvitrine-…\` listeners. */
export interface ${element.className}SvelteProps extends HTMLAttributes<${element.className}> {
${attributeMembers(element, '  ', { properties: false })}${eventMembers(element, '  ', event => `'on${event}'`)}}
`,
  )
  .join('\n')}
declare module 'svelte/elements' {
  interface SvelteHTMLElements {
${elements.map(({ tag, className }) => `    '${tag}': ${className}SvelteProps;`).join('\n')}
  }
}
`;

mkdirSync('dist/types/frameworks', { recursive: true });
mkdirSync('dist/frameworks', { recursive: true });
for (const [framework, text] of Object.entries({ react, preact, solid, vue, svelte })) {
  writeFileSync(`dist/types/frameworks/${framework}.d.ts`, text);
  writeFileSync(`dist/frameworks/${framework}.js`, `// Types only: see ../types/frameworks/${framework}.d.ts.\nexport {};\n`);
}
writeFileSync('dist/vscode.html-custom-data.json', `${JSON.stringify(vscode, null, 2)}\n`);
writeFileSync('dist/web-types.json', `${JSON.stringify(webTypes, null, 2)}\n`);
