// `npm run analyze`: custom-elements.json from the components' JSDoc, for Storybook controls, IDEs and
// framework types. It describes what is shipped (`dist/`), by tag name.

const isEventClass = declaration =>
  declaration.kind === 'class' && declaration.members?.some(member => member.static && member.name === 'eventName');
const declarationsOf = manifest => manifest.modules.flatMap(module => module.declarations ?? []);

/**
 * Internal reactive state (`static properties = { open: { state: true } }`) has no attribute in Lit,
 * but the analyzer lists every `static properties` entry as one: drop those of private fields.
 */
const privateStateHasNoAttribute = {
  name: 'vitrine-private-state',
  packageLinkPhase({ customElementsManifest }) {
    for (const declaration of declarationsOf(customElementsManifest)) {
      const privateFields = new Set((declaration.members ?? []).filter(member => member.privacy === 'private').map(member => member.name));
      if (declaration.attributes) declaration.attributes = declaration.attributes.filter(attribute => !privateFields.has(attribute.fieldName));
      for (const member of declaration.members ?? []) if (privateFields.has(member.name)) delete member.attribute;
    }
  },
};

/**
 * Elements register through `VitrineX.define('vitrine-x')` (which tolerates a second copy of Vitrine), not
 * `customElements.define`, so the analyzer sees no tag: read it from each entry's `define` call.
 */
function tagsFromDefineCalls() {
  const definitions = [];
  return {
    name: 'vitrine-tag-names',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) return;
      const [tag] = node.arguments;
      if (node.expression.name.text !== 'define' || !tag || !ts.isStringLiteral(tag)) return;
      definitions.push({ className: node.expression.expression.getText(), tagName: tag.text, moduleDoc });
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const { className, tagName, moduleDoc } of definitions) {
        const elementModule = customElementsManifest.modules.find(module =>
          module.declarations?.some(declaration => declaration.name === className && declaration.customElement !== false));
        const element = elementModule?.declarations.find(declaration => declaration.name === className);
        if (!element) throw new Error(`${moduleDoc.path}: define('${tagName}') names ${className}, which is not an analyzed element`);
        Object.assign(element, { tagName, customElement: true });
        moduleDoc.exports = [
          ...(moduleDoc.exports ?? []),
          { kind: 'custom-element-definition', name: tagName, declaration: { name: className, module: elementModule.path } },
        ];
      }
    },
  };
}

/**
 * The analyzer reads events twice: from `@fires name - text` (a name, no type) and from some
 * `dispatchEvent(new XEvent(…))` calls (a type, and a name guessed from a variable). Keep the documented
 * ones, typed with the event class whose `static eventName` they name; an undocumented or classless
 * event fails the analysis.
 */
const typedEvents = {
  name: 'vitrine-typed-events',
  packageLinkPhase({ customElementsManifest }) {
    const declarations = declarationsOf(customElementsManifest);
    const classOfName = new Map(declarations.filter(isEventClass).map(declaration => [
      JSON.parse(declaration.members.find(member => member.static && member.name === 'eventName').default.replaceAll("'", '"')),
      declaration.name,
    ]));
    for (const element of declarations.filter(declaration => declaration.customElement)) {
      const events = element.events ?? [];
      const documented = events.filter(event => event.description);
      for (const event of documented) {
        if (!classOfName.has(event.name)) throw new Error(`${element.name}: @fires ${event.name} names no event class`);
        event.type = { text: classOfName.get(event.name) };
      }
      const undocumented = events.filter(event => !event.description && !documented.some(known => known.type.text === event.type?.text));
      if (undocumented.length) throw new Error(`${element.name} dispatches ${undocumented.map(event => event.type?.text).join(', ')} with no @fires`);
      element.events = documented;
    }
  },
};

/** The package ships `dist/` (compiled `.js`), not `src/`: point every path at what an editor can open. */
const shippedPaths = {
  name: 'vitrine-shipped-paths',
  packageLinkPhase({ customElementsManifest }) {
    const shipped = path => path.replace(/^src\//, 'dist/').replace(/\.ts$/, '.js');
    const text = JSON.stringify(customElementsManifest, (key, value) =>
      (key === 'path' || key === 'module') && typeof value === 'string' ? shipped(value) : value);
    Object.assign(customElementsManifest, JSON.parse(text));
  },
};

export default {
  globs: ['src/components/**/*.element.ts', 'src/{components,features}/**/*.events.ts', 'src/components/*/vitrine-*.ts'],
  exclude: ['**/*.test.ts', '**/*.styles.ts', '**/*.stories.ts'],
  outdir: '.',
  litelement: true,
  packagejson: false,
  plugins: [privateStateHasNoAttribute, tagsFromDefineCalls(), typedEvents, shippedPaths],
};
