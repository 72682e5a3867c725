// Fire-and-forget visitor forms: offline message, transcript request, page tracking (§4.8, §4.10, §3.7).
import { route } from '../route.ts';
import { S } from '../params.ts';
import { plainError } from '../errors.ts';
import { randomId } from '../store.ts';

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

export const formRoutes = [
  route({
    method: 'POST',
    path: 'livechat/offline.message',
    schema: S.object({ name: S.string, email: S.string, message: S.string, department: S.string, host: S.string }, ['name', 'email', 'message']),
    rateLimit: { calls: 1, windowMs: 5_000 },
    action: ({ store, body }) => {
      // every failure collapses into one text (§4.8)
      if (!store.setting('Livechat_display_offline_form') || !store.setting('Livechat_offline_email') || !EMAIL.test(String(body.email))) {
        throw plainError('Error sending Omnichannel offline message');
      }
      const { name, email, message, department } = body as Record<string, string>;
      store.offlineMessages.push({ name, email, message, ...(department ? { department } : {}), ts: new Date() });
      return { message: 'Livechat offline message sent' };
    },
  }),
  route({
    method: 'POST',
    path: 'livechat/transcript',
    schema: S.object({ token: S.string, rid: S.string, email: S.string, subject: S.string }, ['token', 'rid', 'email']),
    action: ({ store, body }) => {
      // lib/sendTranscript.ts: token first, then the room must be this visitor's livechat room
      const visitor = store.visitorByToken(body.token as string);
      if (!visitor) throw plainError('error-invalid-token');
      const room = store.rooms.get(body.rid as string);
      if (!room || room.v.token !== visitor.token) throw plainError('error-invalid-room');
      // the stand-in sends no mail; an address a mailer would refuse is its "send failure" (§4.10)
      if (!EMAIL.test(String(body.email))) throw plainError('Error sending Omnichannel transcript');
      store.systemMessage(room, 'livechat_transcript_history', { _id: 'rocket.cat', username: 'rocket.cat' });
      return { message: 'Livechat transcript sent' };
    },
  }),
  route({
    method: 'POST',
    path: 'livechat/page.visited',
    schema: S.object(
      {
        token: S.string,
        rid: S.string,
        pageInfo: S.object(
          { title: S.string, change: S.string, location: S.object({ href: S.string }, ['href'], true) },
          ['title', 'change', 'location'],
          true,
        ),
      },
      ['token', 'pageInfo'],
    ),
    action: ({ store, body }) => {
      const token = body.token as string;
      const pageInfo = body.pageInfo as { title: string; change: string; location: { href: string } };
      // the token is not checked for existence (§3.7)
      if (pageInfo.change !== store.setting('Livechat_history_monitor_type')) return {};
      const room = typeof body.rid === 'string' ? store.rooms.get(body.rid) : undefined;
      const msg = `${pageInfo.title} - ${pageInfo.location.href}`;
      const navigation = { page: pageInfo, token };
      // Rocket.Chat saves it `_hidden` unless Livechat_Visitor_navigation_as_a_message: hidden ones never reach history or streams
      if (room?.open && room.v.token === token && store.setting('Livechat_Visitor_navigation_as_a_message')) {
        const now = new Date();
        store.saveMessage({
          _id: randomId(), rid: room._id, t: 'livechat_navigation_history', msg, navigation, groupable: false,
          u: { _id: 'rocket.cat', username: 'rocket.cat' }, ts: now, _updatedAt: now, urls: [], mentions: [], channels: [], md: [],
        });
      }
      const page = { msg, navigation };
      return { page };
    },
  }),
];
