/**
 * Masking for a lobby screen and for logs: what is shown lets the citizen recognise their own dossier without
 * telling bystanders whose it is.
 */

/**
 * "Nguyễn Văn An" → "Nguyễn V** A*": the family name (first word) is kept, every other word keeps its first
 * letter and one '*' per remaining letter. Letters are counted after NFC so that diacritics do not add stars.
 * A single word is masked the same way, since it may be the whole identifying part.
 */
export function maskPersonName(fullName: string): string {
  const words = fullName.normalize('NFC').trim().split(/\s+/u).filter((word) => word !== '');
  const [familyName, ...others] = words;
  if (familyName === undefined) return '';
  if (others.length === 0) return maskWord(familyName);
  return [familyName, ...others.map(maskWord)].join(' ');
}

function maskWord(word: string): string {
  const [first = '', ...rest] = [...word];
  return first + '*'.repeat(rest.length);
}

const codeVisibleHead = 4;
const codeVisibleTail = 2;
/** Below this length the visible head and tail would show more than half of the code. */
const shortestPartlyShownCode = 2 * (codeVisibleHead + codeVisibleTail);

/**
 * "000.00.06.H56-231027-0361" → "000.*******************61": the first 4 and the last 2 characters, the rest '*'.
 * Codes shorter than 12 characters are all '*'.
 */
export function maskCode(code: string): string {
  const chars = [...code];
  if (chars.length < shortestPartlyShownCode) return '*'.repeat(chars.length);
  return (
    chars.slice(0, codeVisibleHead).join('') +
    '*'.repeat(chars.length - codeVisibleHead - codeVisibleTail) +
    chars.slice(-codeVisibleTail).join('')
  );
}
