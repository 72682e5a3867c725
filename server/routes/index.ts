// Every visitor REST route, in one list the app dispatches over.
import type { RouteDef } from '../route.ts';
import { visitorRoutes } from './visitor.ts';
import { customFieldRoutes } from './custom-fields.ts';
import { configRoutes } from './config.ts';
import { roomRoutes } from './room.ts';
import { messageRoutes } from './message.ts';
import { agentInfoRoutes } from './agent.ts';
import { formRoutes } from './forms.ts';
import { uploadRoutes } from './upload.ts';

export const livechatRoutes: RouteDef[] = [
  ...visitorRoutes,
  ...customFieldRoutes,
  ...configRoutes,
  ...roomRoutes,
  ...messageRoutes,
  ...agentInfoRoutes,
  ...formRoutes,
  ...uploadRoutes,
];
