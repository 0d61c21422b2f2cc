/**
 * `speech:synthesize`: the host reads a text aloud for the renderer where the platform has no voice for the
 * language (Chromium on Linux lists none). The host runs eSpeak NG as a separate program and answers the audio as a
 * WAV file in base64 (the web host's bridge carries JSON text); the renderer plays it. One utterance at a time: a
 * new request cancels the one before, which answers `cancelled`.
 */
import { z } from 'zod';

export const SpeechLanguage = z.enum(['vi', 'en']);
export type SpeechLanguage = z.infer<typeof SpeechLanguage>;

/** A screen's summary is a few hundred characters; the longest (documents to bring) stays well under this. */
export const MAX_SPOKEN_TEXT_CHARS = 4000;

/** About 90 s of eSpeak NG's 22 050 Hz 16-bit mono: no screen's summary is longer; a reply past it is refused. */
export const MAX_SPEECH_WAV_BYTES = 4 * 1024 * 1024;

export const SpeechRequest = z.object({ text: z.string().min(1).max(MAX_SPOKEN_TEXT_CHARS), language: SpeechLanguage }).strict();
export type SpeechRequest = z.infer<typeof SpeechRequest>;

/**
 * Why there is no audio: `missing` (no eSpeak NG on this machine: the screen says so), `cancelled` (a newer
 * utterance replaced it), `timeout`, `too_long` (past MAX_SPEECH_WAV_BYTES) or `failed` (the program crashed or
 * wrote no WAV).
 */
export const SpeechFailure = z.enum(['missing', 'cancelled', 'timeout', 'too_long', 'failed']);
export type SpeechFailure = z.infer<typeof SpeechFailure>;

export const SpeechReply = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    /** A RIFF/WAVE file, base64: at most MAX_SPEECH_WAV_BYTES once decoded. */
    wavBase64: z.string().max(Math.ceil(MAX_SPEECH_WAV_BYTES / 3) * 4),
    durationMs: z.number().int().min(0),
  }),
  z.object({ ok: z.literal(false), reason: SpeechFailure }),
]);
export type SpeechReply = z.infer<typeof SpeechReply>;

/** Spread into kiosk.ts's invokeChannels. */
export const speechChannels = {
  'speech:synthesize': { request: SpeechRequest, response: SpeechReply },
} as const;
