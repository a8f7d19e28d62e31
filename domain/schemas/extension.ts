import { z } from "zod";
import { requiredString } from "./issues";
import {
  EXTENSION_MAX_LENGTH,
  EXTENSION_MIN_LENGTH,
  EXTENSION_PATTERN,
} from "@domain/rules/numbering-plan";

/** An extension in a location's numbering plan: 2–10 ASCII digits. */
export const extensionSchema = z
  .string({ error: requiredString })
  .trim()
  .check((ctx) => {
    const value = ctx.value;
    if (value.length === 0) {
      ctx.issues.push({ code: "custom", message: "required", input: value });
    } else if (!EXTENSION_PATTERN.test(value)) {
      ctx.issues.push({ code: "custom", message: "extensionDigits", input: value });
    } else if (value.length < EXTENSION_MIN_LENGTH || value.length > EXTENSION_MAX_LENGTH) {
      ctx.issues.push({
        code: "custom",
        message: "extensionLength",
        params: { min: EXTENSION_MIN_LENGTH, max: EXTENSION_MAX_LENGTH },
        input: value,
      });
    }
  });
