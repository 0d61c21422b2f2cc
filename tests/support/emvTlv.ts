/**
 * Reads an EMVCo QR payload back into its data objects (ID, two-digit length, value), for tests to check a payload
 * tag by tag. Throws when a length runs past the text, so that a malformed payload cannot pass as a short one.
 */
export type DataObjects = Map<string, string>;

export function readDataObjects(text: string): DataObjects {
  const objects: DataObjects = new Map();
  let at = 0;
  while (at < text.length) {
    const id = text.slice(at, at + 2);
    const length = Number(text.slice(at + 2, at + 4));
    if (!/^\d{2}$/.test(id) || !/^\d{2}$/.test(text.slice(at + 2, at + 4)) || length < 1 || at + 4 + length > text.length) {
      throw new Error(`malformed data object at ${at}`);
    }
    if (objects.has(id)) throw new Error(`data object ${id} twice`);
    objects.set(id, text.slice(at + 4, at + 4 + length));
    at += 4 + length;
  }
  return objects;
}

/** The IDs in the order they appear. */
export function idsInOrder(text: string): string[] {
  return [...readDataObjects(text).keys()];
}
