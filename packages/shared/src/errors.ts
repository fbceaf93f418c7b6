// The refusals' vocabulary: every 4xx names a stable `code` (the board says it in its own language;
// the English `message` beside it is for logs and API clients), and every field issue of a 400 names
// what was wrong the same way.
import { z } from "zod";
import { ERROR_CODES } from "./vocabulary";

/**
 * One bad field of a 400. `code` is zod's issue code (`too_small`, `invalid_format`, …) or, for the
 * shared schemas' own messages, `field:<key>`; `params` carries the issue's facts (minimum, format…).
 */
export const ErrorIssue = z.object({
  path: z.string(),
  message: z.string(),
  code: z.string().optional(),
  params: z.record(z.string(), z.unknown()).optional(),
});
export type ErrorIssue = z.infer<typeof ErrorIssue>;

/** Every 4xx/5xx body. `issues` lists each bad field of a 400. */
export const ErrorBody = z.object({
  statusCode: z.number().int(),
  error: z.string(),
  message: z.string(),
  requestId: z.string().optional(),
  issues: z.array(ErrorIssue).optional(),
  /** a stable name for the refusal (e.g. `unit_taken`) and its facts, so a board can say it in its own language */
  code: z.enum(ERROR_CODES).optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
