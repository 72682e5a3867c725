// `npm run server -- [--port <p>] [--host <h>] [--seed <file.json>] [--no-rate-limit] [--faults]`; --help prints the usage.
import { parseArgs } from 'node:util';
import { startServer } from './app.ts';
import { loadSeed } from './seed.ts';

const USAGE = `Usage: npm run server -- [options]

A stand-in for Rocket.Chat's livechat REST API and DDP websocket, with an agent console at /agent.
It keeps everything in memory: a restart starts again from the seed.

Options:
  --port <p>         port to listen on (default 3000; 0 picks a free one)
  --host <h>         address to bind (default 127.0.0.1)
  --seed <file>      JSON seed: departments, customFields, agents, settings (default server/seed/default.json)
  --no-rate-limit    turn off Rocket.Chat's REST and DDP rate limits (as its TEST_MODE does)
  --faults           enable the test-only fault controls under /__faults
  -h, --help         print this help`;

function parseCommandLine() {
  try {
    return parseArgs({
      options: {
        port: { type: 'string', default: '3000' },
        host: { type: 'string', default: '127.0.0.1' },
        seed: { type: 'string' },
        'no-rate-limit': { type: 'boolean', default: false },
        faults: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values;
  } catch (e) {
    console.error(`${e instanceof Error ? e.message : String(e)}\n\n${USAGE}`);
    process.exit(2);
  }
}

const values = parseCommandLine();
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0) {
  console.error(`invalid --port ${values.port}\n\n${USAGE}`);
  process.exit(2);
}

function readSeed(file: string) {
  try {
    return loadSeed(file);
  } catch (e) {
    console.error(`cannot use --seed ${file}: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(2);
  }
}

const server = await startServer({
  port,
  host: values.host,
  seed: values.seed ? readSeed(values.seed) : undefined,
  rateLimit: !values['no-rate-limit'],
  faults: values.faults,
});
console.log(`listening on ${server.url}`);
console.log(`agent console: ${server.url}/agent`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void server.close().then(() => process.exit(0)));
}
