// Short names for the request and answer types of docs/openapi.json, taken from the client package
// (packages/herald-client, whose schema.gen.ts is generated from the document), so each *.api.ts
// can say `ApiAnswer<'/api/v1/me', 'get'>` instead of repeating the server's shapes.
import type { paths } from '../../../packages/herald-client/src/index.ts';

export type { components, paths } from '../../../packages/herald-client/src/index.ts';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
export type ApiPath = keyof paths;
type Operation<P extends ApiPath, M extends Method> = NonNullable<paths[P][M]>;
type Json<C> = C extends { content: { 'application/json': infer T } } ? T : never;

/** The JSON body of the 2xx answer (200 or 201) of a route. */
export type ApiAnswer<P extends ApiPath, M extends Method> =
  Operation<P, M> extends { responses: infer R } ? (R extends { 200: infer A } ? Json<A> : R extends { 201: infer A } ? Json<A> : never) : never;

/** The JSON body a route takes. */
export type ApiBody<P extends ApiPath, M extends Method> = Operation<P, M> extends { requestBody?: infer B } ? Json<NonNullable<B>> : never;

/** The query parameters a route takes. */
export type ApiQuery<P extends ApiPath, M extends Method> = Operation<P, M> extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

/**
 * The server type with some fields narrowed. Used where the route schema says less than the web
 * knows (a `string` that is one of a few states, an `unknown` content): each use names the field,
 * so a schema that gains an enum makes the refinement removable.
 */
export type Refine<T, R extends Partial<Record<keyof T, unknown>>> = Omit<T, keyof R> & R;
