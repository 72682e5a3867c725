// The agent as a visitor may see it: who serves my room, who would serve me next (§4.9; RC's api/v1/agent.ts).
import { route } from '../route.ts';
import { S } from '../params.ts';
import { plainError } from '../errors.ts';
import { pickAgent, publicAgent, requireGuest, requireRoom, requiredDepartment } from '../livechat.ts';

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
  route({
    method: 'GET',
    path: 'livechat/agent.next/:token',
    schema: S.object({ department: S.string }),
    // RC looks no visitor up: a token with an open room gets a bare success, any other token is routed like a new
    // chat; the 400 its test expects for "an invalid token" is this route's agent-not-found when nobody is available
    action: ({ store, params, query }) => {
      if (store.openRoomOf(params.token)) return {};
      const department = (query.department as string | undefined) || requiredDepartment(store)?._id;
      const next = pickAgent(store, department);
      if (!next) throw plainError('agent-not-found');
      const agent = publicAgent(store, next._id);
      if (!agent) throw plainError('invalid-agent');
      return { agent };
    },
  }),
];
