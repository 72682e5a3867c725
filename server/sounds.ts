// The new-message chime `config.resources.sound` points at. Rocket.Chat serves an MP3 as a static file
// (public/sounds/chime.mp3) and sends its absolute URL (api/lib/livechat.ts: `${Meteor.absoluteUrl()}sounds/chime.mp3`).
// The stand-in has no MP3 encoder, so it synthesises a short WAV once — two decaying tones — and serves that instead.
import type { IncomingMessage, ServerResponse } from 'node:http';

export const CHIME_PATH = '/sounds/chime.wav';

const SAMPLE_RATE = 8000;
const SECONDS = 0.4;

/** 8-bit unsigned mono PCM in a RIFF/WAVE container (about 3 KB). */
function synthesiseChime(): Buffer {
  const samples = Math.round(SAMPLE_RATE * SECONDS);
  const wav = Buffer.alloc(44 + samples);
  wav.write('RIFF', 0, 'ascii');
  wav.writeUInt32LE(36 + samples, 4);
  wav.write('WAVEfmt ', 8, 'ascii');
  wav.writeUInt32LE(16, 16); // fmt chunk size
  wav.writeUInt16LE(1, 20); // PCM
  wav.writeUInt16LE(1, 22); // mono
  wav.writeUInt32LE(SAMPLE_RATE, 24);
  wav.writeUInt32LE(SAMPLE_RATE, 28); // bytes per second
  wav.writeUInt16LE(1, 32); // block align
  wav.writeUInt16LE(8, 34); // bits per sample
  wav.write('data', 36, 'ascii');
  wav.writeUInt32LE(samples, 40);
  for (let i = 0; i < samples; i++) {
    const t = i / SAMPLE_RATE;
    // the second tone starts a little later, like a two-note door chime
    const first = Math.sin(2 * Math.PI * 880 * t) * Math.exp(-t * 9);
    const second = t < 0.12 ? 0 : Math.sin(2 * Math.PI * 1320 * (t - 0.12)) * Math.exp(-(t - 0.12) * 9);
    wav[44 + i] = Math.round(128 + 60 * (first + second));
  }
  return wav;
}

let chime: Buffer | undefined;

/** Answers `GET|HEAD /sounds/chime.wav`; false for any other request. */
export function serveSound(req: IncomingMessage, res: ServerResponse, path: string): boolean {
  if (path !== CHIME_PATH || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
  chime ??= synthesiseChime();
  res.writeHead(200, { 'Content-Type': 'audio/wav', 'Content-Length': chime.length, 'Cache-Control': 'public, max-age=86400' });
  res.end(req.method === 'HEAD' ? undefined : chime);
  return true;
}
