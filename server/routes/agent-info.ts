// `GET livechat/agent.info/:rid/:token` (§4.9): who serves the visitor's room.
import { route } from '../route.ts';
import { plainError } from '../errors.ts';
import { publicAgent, requireGuest, requireRoom } from '../livechat.ts';

export const agentInfoRoutes = [
  route({
    method: 'GET',
    path: 'livechat/agent.info/:rid/:token',
    action: ({ store, params }) => {
      const visitor = requireGuest(store, params.token);
      const room = requireRoom(store, visitor.token, params.rid);
      const agent = room.servedBy && publicAgent(store, room.servedBy._id);
      if (!agent) throw plainError('invalid-agent');
      return { agent };
    },
  }),
];
