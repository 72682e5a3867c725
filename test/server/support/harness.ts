// The server under test. Until server/app.ts exists this is a bare HTTP server with DDP and the agent console.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Store } from '../../../server/store.ts';
import { attachDdp, type DdpOptions } from '../../../server/ddp/index.ts';
import { agentRoutes } from '../../../server/agent/index.ts';

export interface Harness {
  url: string;
  wsUrl: string;
  store: Store;
  server: Server;
  dropAll(): void;
  close(): Promise<void>;
}

export async function startHarness(options: DdpOptions = {}): Promise<Harness> {
  const store = new Store({});
  const agent = agentRoutes(store);
  const server = createServer((req, res) => {
    void agent(req, res, new URL(req.url ?? '/', 'http://localhost')).then((handled) => {
      if (!handled) res.writeHead(404).end();
    });
  });
  const ddp = attachDdp(server, store, options);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}/websocket`,
    store,
    server,
    dropAll: ddp.dropAll,
    close: async () => {
      ddp.close();
      server.closeAllConnections(); // SSE streams never end on their own
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
