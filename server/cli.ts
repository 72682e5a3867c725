// `npm run server -- --port <p> [--seed <file.json>] [--no-rate-limit] [--faults]`
import { parseArgs } from 'node:util';
import { startServer } from './app.ts';
import { loadSeed } from './seed.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '3000' },
    host: { type: 'string', default: '127.0.0.1' },
    seed: { type: 'string' },
    'no-rate-limit': { type: 'boolean', default: false },
    faults: { type: 'boolean', default: false },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0) {
  console.error(`invalid --port ${values.port}`);
  process.exit(2);
}

const server = await startServer({
  port,
  host: values.host,
  seed: values.seed ? loadSeed(values.seed) : undefined,
  rateLimit: !values['no-rate-limit'],
  faults: values.faults,
});
console.log(`listening on ${server.url}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void server.close().then(() => process.exit(0)));
}
