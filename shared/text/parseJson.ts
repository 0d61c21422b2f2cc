/** JSON text to a value, or undefined when it is not JSON: the caller's schema then says what is wrong with it. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
