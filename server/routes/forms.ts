// Fire-and-forget visitor forms: offline message, transcript request, page tracking (§4.8, §4.10, §3.7).
import { route } from '../route.ts';
import { S } from '../params.ts';
import { meteorError, plainError } from '../errors.ts';
import { randomId, type Store } from '../store.ts';

/** The mailer's address check (mailer/server/api.ts checkAddressFormat, rfcMailPatternWithName): the stand-in sends no
 * mail, so an address the mailer would refuse is its only send failure. */
const MAILER_ADDRESS =
  /^(?:.*<)?([a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*)(?:>?)$/;

/** The page-tracking messages are sent by rocket.cat. */
const ROCKET_CAT = { _id: 'rocket.cat', username: 'rocket.cat' };

type PageInfo = { title: string; change: string; location: { href: string } };

/**
 * lib/tracking.ts savePageHistory: nothing unless `change` is the monitored kind (Livechat_history_monitor_type, "url"
 * or "title" — RC has no "never"); otherwise a livechat_navigation_history message is stored in `rid` as given — RC
 * checks neither the room nor the token — hidden (`_hidden`) unless Livechat_Visitor_navigation_as_a_message. Hidden
 * messages reach neither history nor the room stream; RC's agent UI lists them as the visitor's navigation.
 */
function savePageHistory(store: Store, token: string, rid: string | undefined, pageInfo: PageInfo) {
  if (pageInfo.change !== store.setting('Livechat_history_monitor_type')) return undefined;
  const now = new Date();
  const hidden = !store.setting('Livechat_Visitor_navigation_as_a_message');
  return store.saveMessage({
    _id: randomId(),
    rid: rid ?? '',
    t: 'livechat_navigation_history',
    msg: `${pageInfo.title} - ${pageInfo.location.href}`,
    groupable: false,
    u: ROCKET_CAT,
    ts: now,
    _updatedAt: now,
    urls: [],
    mentions: [],
    channels: [],
    navigation: { page: pageInfo, token },
    // a visitor without a room yet: kept for a month
    ...(rid ? {} : { expireAt: now.getTime() + 2592000000 }),
    ...(hidden ? { _hidden: true } : {}),
  });
}

export const formRoutes = [
  route({
    method: 'POST',
    path: 'livechat/offline.message',
    schema: S.object({ name: S.string, email: S.string, message: S.string, department: S.string, host: S.string }, ['name', 'email', 'message']),
    rateLimit: { calls: 1, windowMs: 5_000 },
    // api/v1/offlineMessage.ts turns every failure of lib/messages.ts sendOfflineMessage into one text (§4.8)
    action: async ({ store, body, resolveMx }) => {
      const { name, email, message, department } = body as Record<string, string>;
      const failed = () => plainError('Error sending Omnichannel offline message');
      if (!store.setting('Livechat_display_offline_form') || !email) throw failed();
      if (store.setting('Livechat_validate_offline_email')) {
        try {
          await resolveMx(email.slice(email.lastIndexOf('@') + 1));
        } catch {
          throw failed();
        }
      }
      // the mail goes to Livechat_offline_email; the mailer throws on an unset or invalid address
      if (!MAILER_ADDRESS.test(String(store.setting('Livechat_offline_email') ?? ''))) throw failed();
      store.offlineMessages.push({ name, email, message, ...(department ? { department } : {}), ts: new Date() });
      return { message: 'Livechat offline message sent' };
    },
  }),
  route({
    method: 'POST',
    path: 'livechat/transcript',
    schema: S.object({ token: S.string, rid: S.string, email: S.string, subject: S.string }, ['token', 'rid', 'email']),
    // lib/sendTranscript.ts since 6.13 (PR #33211): the room's own `v.token` is the credential, so a visitor whose token
    // has changed since (registered again, found by email) still gets the transcript of an older room
    action: ({ store, body }) => {
      const room = store.rooms.get(body.rid as string);
      if (!room || room.t !== 'l') throw plainError('error-invalid-room');
      if (body.token !== room.v.token) throw plainError('error-invalid-visitor');
      if (!MAILER_ADDRESS.test(body.email as string)) throw meteorError('invalid email');
      store.systemMessage(room, 'livechat_transcript_history', ROCKET_CAT, {
        fields: { requestData: { type: 'visitor', visitor: room.v, user: ROCKET_CAT } },
      });
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
        pageInfo: S.object({ title: S.string, change: S.string, location: S.object({ href: S.string }, ['href']) }, ['title', 'change', 'location']),
      },
      ['token', 'pageInfo'],
    ),
    action: ({ store, body }) => {
      const saved = savePageHistory(store, body.token as string, body.rid as string | undefined, body.pageInfo as PageInfo);
      return saved ? { page: { msg: saved.msg, navigation: saved.navigation } } : {};
    },
  }),
];
