// `npm run analyze`: custom-elements.json from the components' JSDoc, for Storybook controls and IDEs.

/**
 * Internal reactive state (`static properties = { open: { state: true } }`) has no attribute in Lit,
 * but the analyzer lists every `static properties` entry as one: drop those of private fields.
 */
const privateStateHasNoAttribute = {
  name: 'vitrine-private-state',
  packageLinkPhase({ customElementsManifest }) {
    for (const declaration of customElementsManifest.modules.flatMap(module => module.declarations ?? [])) {
      const privateFields = new Set((declaration.members ?? []).filter(member => member.privacy === 'private').map(member => member.name));
      if (declaration.attributes) declaration.attributes = declaration.attributes.filter(attribute => !privateFields.has(attribute.fieldName));
      for (const member of declaration.members ?? []) if (privateFields.has(member.name)) delete member.attribute;
    }
  },
};

export default {
  globs: ['src/components/**/*.element.ts'],
  exclude: ['**/*.test.ts', '**/*.styles.ts', '**/*.stories.ts'],
  outdir: '.',
  litelement: true,
  packagejson: false,
  plugins: [privateStateHasNoAttribute],
};
