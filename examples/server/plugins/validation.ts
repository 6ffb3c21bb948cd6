import AjvCompiler, { type BuildCompilerFromPool, type ValidatorCompiler } from '@fastify/ajv-compiler';
import { PLAIN_UUID } from './uuid.js';

const ajvOptions = (coerceTypes: 'array' | false) => ({
  // Unknown fields are a client error, not something to strip silently; the first error is enough and bounds the work.
  customOptions: { removeAdditional: false, coerceTypes, useDefaults: true, allErrors: false },
  onCreate: (ajv: { addFormat(name: string, format: RegExp): unknown }) => ajv.addFormat('uuid', PLAIN_UUID),
});

/**
 * Two validators: path, query and headers arrive as text, so `"30"` is read as the integer 30 there;
 * a JSON body says its own types, so a vote of `"1"` or `true` is a 400, never counted as 1.
 */
export const validatorCompilers: BuildCompilerFromPool = externalSchemas => {
  const text: ValidatorCompiler = AjvCompiler()(externalSchemas, ajvOptions('array') as never);
  const json: ValidatorCompiler = AjvCompiler()(externalSchemas, ajvOptions(false) as never);
  return route => (route.httpPart === 'body' ? json : text)(route);
};
