/**
 * What eSpeak NG is given to read. The kiosk's English texts quote the central server's Vietnamese data (statuses,
 * counters, places, documents), which an English voice spells out letter by letter, diacritics and all (a summary of
 * 15 s took 70 s). So in English the Vietnamese words are marked in SSML for eSpeak NG's Vietnamese voice. Pure.
 */
import type { SpeechLanguage } from '../../../shared/contract/speech';

// Letters only Vietnamese writes: its vowels with diacritics, and đ.
const vietnameseLetter = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/iu;
const clauseEnd = /[,.;:!?)]$/;
const capitalised = /^\p{Lu}\p{Ll}*$/u;

export interface TextSpan {
  text: string;
  vietnamese: boolean;
}

/**
 * `text` cut into runs of Vietnamese and other words: a word with a Vietnamese letter is Vietnamese, and so are the
 * plain words between two of them in the same clause ("Trung tâm Phục vụ"), and a capitalised word just before one.
 */
export function vietnameseSpans(text: string): TextSpan[] {
  const words = text.split(/(\s+)/).filter((part) => part !== '');
  const tokens = words.filter((part) => !/^\s+$/.test(part));
  const marked = tokens.map((word) => vietnameseLetter.test(word));
  for (let i = 0; i < tokens.length; i++) {
    if (marked[i]) continue;
    const word = tokens[i]!;
    const nextMarked = marked[i + 1] === true;
    if (nextMarked && capitalised.test(word.replace(/^\(/, ''))) marked[i] = true;
    else if (i > 0 && marked[i - 1] && !clauseEnd.test(tokens[i - 1]!) && !clauseEnd.test(word)) {
      // A gap of at most two plain words, closed by a Vietnamese word in the same clause.
      const close = [i + 1, i + 2].find((j) => marked[j] === true);
      if (close !== undefined && (close === i + 1 || !clauseEnd.test(tokens[i + 1]!))) marked[i] = true;
    }
  }
  const spans: TextSpan[] = [];
  let token = 0;
  for (const part of words) {
    const isSpace = /^\s+$/.test(part);
    const vietnamese = isSpace ? (spans.at(-1)?.vietnamese ?? false) && marked[token] === true : marked[token++] === true;
    const last = spans.at(-1);
    if (last && last.vietnamese === vietnamese) last.text += part;
    else spans.push({ text: part, vietnamese });
  }
  return spans;
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/** The input for eSpeak NG, and whether it is SSML (`-m`). */
export function espeakInput(text: string, language: SpeechLanguage): { input: string; ssml: boolean } {
  if (language === 'vi') return { input: text, ssml: false };
  const spans = vietnameseSpans(text);
  if (!spans.some((span) => span.vietnamese)) return { input: text, ssml: false };
  const body = spans.map((span) => (span.vietnamese ? `<voice name="vi">${escapeXml(span.text)}</voice>` : escapeXml(span.text))).join('');
  return { input: `<speak>${body}</speak>`, ssml: true };
}
