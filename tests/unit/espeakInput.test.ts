// English summaries quote the central server's Vietnamese data; eSpeak NG reads those words with its Vietnamese voice.
import { describe, expect, it } from 'vitest';
import { espeakInput, vietnameseSpans } from '../../electron/core/speech/espeakInput';

const marked = (text: string) => vietnameseSpans(text).map((span) => (span.vietnamese ? `[${span.text}]` : span.text)).join('');

describe('Vietnamese words in an English text', () => {
  it.each([
    ['a status label', 'Dossier status: Chờ bổ sung hồ sơ.', 'Dossier status: [Chờ bổ sung hồ sơ.]'],
    ['a place with plain words inside it and a capital before it', 'Please come to Trung tâm Phục vụ hành chính công tỉnh, floor one.', 'Please come to [Trung tâm Phục vụ hành chính công tỉnh,] floor one.'],
    ['a counter and an English number after it', 'to Quầy số five, today', 'to [Quầy số] five, today'],
    ['no Vietnamese at all', 'Home screen. You can choose: Look up a dossier.', 'Home screen. You can choose: Look up a dossier.'],
  ])('%s', (_case, text, expected) => {
    expect(marked(text)).toBe(expected);
  });
});

describe('eSpeak NG’s input', () => {
  it('is the text itself in Vietnamese, and in English without Vietnamese words', () => {
    expect(espeakInput('Tình trạng hồ sơ <b> & "x"', 'vi')).toEqual({ input: 'Tình trạng hồ sơ <b> & "x"', ssml: false });
    expect(espeakInput('Dossier status: processing.', 'en')).toEqual({ input: 'Dossier status: processing.', ssml: false });
  });

  it('is SSML with the Vietnamese words in the Vietnamese voice, everything else escaped, in English', () => {
    expect(espeakInput('Status <x> & "y": Đang xử lý.', 'en')).toEqual({
      input: '<speak>Status &lt;x&gt; &amp; &quot;y&quot;: <voice name="vi">Đang xử lý.</voice></speak>',
      ssml: true,
    });
  });
});
