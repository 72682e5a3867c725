// Test-only fault controls (docs/team-plan.md): enabled only with `faults: true` / `--faults`.
//   POST /__faults {route, status, count, error?} | {route, delayMs} | {route, malformed:true, count}
//   (`error`: the envelope's text, e.g. Rocket.Chat's 429 "… You must wait N seconds …", §1.4)
//   POST /__faults/drop-sockets, DELETE /__faults (reset). Route keys are `"<METHOD> livechat/<pattern>"`.
import type { IncomingMessage, ServerResponse } from 'node:http';

interface Fault {
  status?: number;
  malformed?: boolean;
  count?: number;
  delayMs?: number;
  error?: string;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

export class Faults {
  private failures = new Map<string, Fault[]>();
  private delays = new Map<string, number>();

  constructor(private readonly dropSockets: () => void) {}

  /** Handles `/__faults…` control requests; false when the path is not one of them. */
  control(req: IncomingMessage, res: ServerResponse, path: string, body: unknown): boolean {
    if (path === '/__faults/drop-sockets' && req.method === 'POST') {
      this.dropSockets();
      send(res, 200, { success: true });
    } else if (path === '/__faults' && req.method === 'DELETE') {
      this.failures.clear();
      this.delays.clear();
      send(res, 200, { success: true });
    } else if (path === '/__faults' && req.method === 'POST') {
      const f = body as Fault & { route?: unknown };
      if (typeof f?.route !== 'string') send(res, 400, { success: false, error: 'route required' });
      else {
        if (typeof f.delayMs === 'number') this.delays.set(f.route, f.delayMs);
        if (typeof f.status === 'number' || f.malformed) {
          const list = this.failures.get(f.route) ?? [];
          list.push({
            status: f.status,
            malformed: !!f.malformed,
            count: typeof f.count === 'number' ? f.count : 1,
            error: typeof f.error === 'string' ? f.error : undefined,
          });
          this.failures.set(f.route, list);
        }
        send(res, 200, { success: true });
      }
    } else return false;
    return true;
  }

  /** Applies a route's delay, then answers an armed failure; true when the request was answered here. */
  async intercept(key: string, res: ServerResponse): Promise<boolean> {
    const delay = this.delays.get(key);
    if (delay) await new Promise((r) => setTimeout(r, delay));
    const list = this.failures.get(key);
    const fault = list?.[0];
    if (!list || !fault) return false;
    if (--fault.count! <= 0) list.shift();
    if (fault.malformed) {
      res.writeHead(fault.status ?? 200, { 'Content-Type': 'application/json' });
      res.end('{"success":tru');
    } else send(res, fault.status!, { success: false, error: fault.error ?? `fault injected (${fault.status})` });
    return true;
  }
}
