// Input PostgreSQL or JavaScript cannot store or compare is refused at the edge, before any route
// sees it: a NUL byte (PostgreSQL text cannot hold one) or a lone UTF-16 surrogate (not valid
// Unicode; it cannot be encoded as UTF-8) anywhere in the path, the query or the body is a 400
// naming the field — never a 500 from deep inside a query.

import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { BadRequestError } from "../errors";

// a NUL, a high surrogate not followed by a low one, or a low surrogate not preceded by a high one
// (built from a string: a literal NUL in a regular expression reads as a mistake to the linter, here it is the point)
const UNSTORABLE = new RegExp(`${String.fromCharCode(0)}|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]`);

/** The path of the first unstorable string in a value (keys count too), or null. */
function findUnstorable(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === "string") return UNSTORABLE.test(value) ? path : null;
  if (value === null || typeof value !== "object" || depth > 64) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnstorable(value[i], `${path}.${i}`, depth + 1);
      if (found) return found;
    }
    return null;
  }
  for (const [key, inner] of Object.entries(value)) {
    if (UNSTORABLE.test(key)) return `${path}.${key.replace(UNSTORABLE, "?")}`;
    const found = findUnstorable(inner, `${path}.${key}`, depth + 1);
    if (found) return found;
  }
  return null;
}

export const inputGuardPlugin = fp(async (app: FastifyInstance) => {
  app.addHook("preValidation", async (request) => {
    const where =
      findUnstorable(request.params, "params") ?? findUnstorable(request.query, "querystring") ?? findUnstorable(request.body, "body");
    if (where) {
      const message = "contains a NUL byte or an unpaired surrogate, which cannot be stored";
      throw new BadRequestError(`${where}: ${message}`, [{ path: where, message }]).coded("unstorable_text", { field: where });
    }
  });
});
