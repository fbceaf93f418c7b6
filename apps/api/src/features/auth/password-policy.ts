// Password policy: at least 12 characters, and not easily guessed as zxcvbn-ts scores it (its
// dictionaries of common passwords, names, keyboard patterns, plus the person's own user name).
// The reason is given in Chinese and in English, and as a code the board translates.
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary as commonDictionary } from "@zxcvbn-ts/language-common";
import { dictionary as enDictionary, translations } from "@zxcvbn-ts/language-en";
import { BadRequestError } from "../../errors";

const MIN_PASSWORD_LENGTH = 12;
/** zxcvbn's 0..4: 3 is "safely unguessable: moderate protection from offline slow-hash scenario" */
const MIN_SCORE = 3;

let zxcvbn: ZxcvbnFactory | undefined;
const checker = () => {
  zxcvbn ??= new ZxcvbnFactory({ translations, graphs: adjacencyGraphs, dictionary: { ...commonDictionary, ...enDictionary } });
  return zxcvbn;
};

export interface PasswordWeakness {
  code: "password_too_short" | "password_too_guessable";
  zh: string;
  en: string;
}

/** null when the password is acceptable; otherwise why not. `related`: the user name, display name… */
export function checkPassword(password: string, related: readonly string[] = []): PasswordWeakness | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    return {
      code: "password_too_short",
      zh: `密码至少需要 ${MIN_PASSWORD_LENGTH} 个字符`,
      en: `the password must be at least ${MIN_PASSWORD_LENGTH} characters`,
    };
  }
  const result = checker().check(password, related.filter(Boolean));
  if (result.score < MIN_SCORE) {
    const hint = result.feedback.warning ? ` (${result.feedback.warning})` : "";
    return {
      code: "password_too_guessable",
      zh: "密码太容易被猜到：请避免常见词、姓名、键盘序列和重复，可用几个不相关的词组合",
      en: `the password is too easy to guess${hint}: avoid common words, names, keyboard runs and repeats; a few unrelated words work well`,
    };
  }
  return null;
}

/** Throws a 400 naming the field when the password is too weak. */
export function assertStrongPassword(password: string, related: readonly string[], field = "body.password"): void {
  const weakness = checkPassword(password, related);
  if (!weakness) return;
  throw new BadRequestError(`${field}: ${weakness.en} / ${weakness.zh}`, [
    { path: field, message: `${weakness.en} / ${weakness.zh}`, code: weakness.code, params: { min: MIN_PASSWORD_LENGTH } },
  ]).coded(weakness.code, { min: MIN_PASSWORD_LENGTH });
}
