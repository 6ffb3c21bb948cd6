import type { FastifyInstance, FastifyTypeProvider } from 'fastify';
import type { FromSchema, JSONSchema } from 'json-schema-to-ts';
import type { errorSchema } from './errors.js';

/** A schema the app registers with `addSchema`, which routes name by `$ref: '<$id>#'`. */
export type SharedSchema = JSONSchema & { $id: string };

/** `Error#` is in every route's responses; a domain adds the shared schemas its own `$ref`s name. */
type References<Shared extends SharedSchema[]> = [typeof errorSchema, ...Shared];

/** The type of a value a schema accepts, `$ref`s resolved: a stored document, a repository's rows. */
export type FromShared<Schema extends JSONSchema, Shared extends SharedSchema[] = []> = FromSchema<Schema, { references: References<Shared> }>;

/**
 * Fastify's type provider over json-schema-to-ts: `request.params`, `query`, `headers` and `body` are what the
 * validator lets through (defaults filled in, so present), and what a handler returns or `reply.send()`s must
 * be the response schema's type. A `type: 'null'` response is no body at all: `reply.code(204).send()`.
 */
export interface SchemaTypes<Shared extends SharedSchema[] = []> extends FastifyTypeProvider {
  validator: this['schema'] extends { content: infer ByType }
    ? // A body with one schema per content type (`body.content`, as Fastify validates it): any of them.
      { [Type in keyof ByType]: ByType[Type] extends { schema: infer Schema extends JSONSchema } ? FromShared<Schema, Shared> : never }[keyof ByType]
    : this['schema'] extends JSONSchema
      ? FromShared<this['schema'], Shared>
      : unknown;
  serializer: this['schema'] extends { type: 'null' }
    ? undefined
    : this['schema'] extends JSONSchema
      ? // The serializer fills in a response default, so the handler may leave it out.
        FromSchema<this['schema'], { references: References<Shared>; keepDefaultedPropertiesOptional: true }>
      : unknown;
}

/** `app` with its routes typed from their schemas: the same instance, no runtime effect. */
export const typed = <Shared extends SharedSchema[] = []>(app: FastifyInstance) => app.withTypeProvider<SchemaTypes<Shared>>();
