// §4.1 GET livechat/config: shape, guest/room/agent for a token, and the settings that change it.
import { afterEach, describe, expect, it } from 'vitest';
import { seedWith, start, type TestServer } from './client.ts';

let s: TestServer;
afterEach(() => s.close());
const config = async (query = '') => (await s.api('GET', `livechat/config${query}`)).body;

describe('§4.1 GET livechat/config', () => {
  it('§4.1 full shape with the default seed', async () => {
    s = await start();
    const body = await config();
    expect(body.success).toBe(true);
    expect(Object.keys(body.config).sort()).toEqual(
      ['customFields', 'departments', 'enabled', 'messages', 'online', 'resources', 'settings', 'survey', 'theme', 'triggers'].sort(),
    );
    expect(body.config).toMatchObject({
      enabled: true,
      online: true,
      triggers: [],
      resources: { sound: `${s.url}/sounds/chime.wav`, emojis: [] },
      survey: { items: ['satisfaction', 'agentKnowledge', 'agentResposiveness', 'agentFriendliness'], values: ['1', '2', '3', '4', '5'] },
      theme: {
        title: 'Rocket.Chat',
        color: '#C1272D',
        offlineTitle: 'Leave a message',
        offlineColor: '#666666',
        position: 'right',
        actionLinks: { webrtc: [], jitsi: [] },
      },
      settings: {
        registrationForm: true,
        nameFieldRegistrationForm: true,
        emailFieldRegistrationForm: true,
        displayOfflineForm: true,
        allowSwitchingDepartments: true,
        forceAcceptDataProcessingConsent: false,
        limitTextLength: false,
        historyMonitorType: 'url',
        visitorsCanCloseChat: true,
        fileUpload: true,
        agentHiddenInfo: false,
        videoCall: false,
      },
    });
    expect(body.config.departments).toEqual([
      { _id: 'dep-sales', name: 'Sales', showOnRegistration: true, showOnOfflineForm: true },
      { _id: 'dep-support', name: 'Support', showOnRegistration: true, showOnOfflineForm: false },
    ]);
    expect(body.config.customFields).toEqual([
      { _id: 'orderNumber', label: 'Order number', regexp: '^[0-9]{4,10}$', required: true, type: 'input', defaultValue: '', options: [] },
      { _id: 'plan', label: 'Plan', regexp: '', required: false, type: 'select', defaultValue: 'Free', options: ['Free', 'Pro', 'Enterprise'] },
    ]);
  });

  it('§4.1 resources.sound is the absolute URL of a served chime (api/lib/livechat.ts; Site_Url when seeded)', async () => {
    s = await start();
    const res = await fetch((await config()).config.resources.sound);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('audio/wav');
    const wav = Buffer.from(await res.arrayBuffer());
    expect(wav.subarray(0, 4).toString()).toBe('RIFF');
    expect(wav.subarray(8, 12).toString()).toBe('WAVE');
    expect(wav.length).toBeLessThan(8000);
    s.store.settings.Site_Url = 'https://chat.example.com';
    expect((await config()).config.resources.sound).toBe('https://chat.example.com/sounds/chime.wav');
  });

  it('§4.1 Livechat_enabled false → {config:{enabled:false}}', async () => {
    s = await start({ seed: seedWith({ Livechat_enabled: false }) });
    expect(await config()).toEqual({ config: { enabled: false }, success: true });
  });

  it('§4.1 extra query key → must NOT have additional properties [invalid-params]', async () => {
    s = await start();
    const r = await s.api('GET', 'livechat/config?foo=1');
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ success: false, error: 'must NOT have additional properties [invalid-params]', errorType: 'invalid-params' });
  });

  it('§4.1 guest, room and agent appear for a token with an open served room', async () => {
    s = await start();
    const { visitor, rid } = await s.chat('tok', { name: 'Jane', email: 'j@x.io' });
    const c = (await config('?token=tok')).config;
    expect(c.guest).toEqual({ _id: visitor._id, name: 'Jane', username: visitor.username, token: 'tok', visitorEmails: [{ address: 'j@x.io' }] });
    expect(c.room).toMatchObject({ _id: rid, open: true, servedBy: { _id: 'agent-1', username: 'agent1' } });
    expect(c.agent).toEqual({ _id: 'agent-1', username: 'agent1', name: 'Agent One', status: 'online' });
    expect((await config('?token=unknown')).config).not.toHaveProperty('guest');
  });

  it('§4.1 Livechat_show_agent_info false → agent {hiddenInfo:true}, agentHiddenInfo true', async () => {
    s = await start({ seed: seedWith({ Livechat_show_agent_info: false }) });
    await s.chat('tok');
    const c = (await config('?token=tok')).config;
    expect(c.agent).toEqual({ hiddenInfo: true });
    expect(c.settings.agentHiddenInfo).toBe(true);
  });

  it('§4.1 online follows the agents of the requested department', async () => {
    s = await start();
    expect((await config('?department=dep-sales')).config.online).toBe(true);
    s.store.agents.get('agent-1')!.status = 'away';
    expect((await config()).config.online).toBe(false);
  });

  it('§4.1 departments: only enabled ones with agents', async () => {
    s = await start({
      seed: seedWith(
        {},
        {
          departments: [
            { _id: 'a', name: 'A', enabled: false, showOnRegistration: true, showOnOfflineForm: true },
            { _id: 'b', name: 'B', enabled: true, showOnRegistration: true, showOnOfflineForm: true },
            { _id: 'dep-sales', name: 'Sales', enabled: true, showOnRegistration: true, showOnOfflineForm: true },
          ],
        },
      ),
    });
    expect((await config()).config.departments.map((d: { _id: string }) => d._id)).toEqual(['dep-sales']);
  });

  it('§4.1 settings, theme and messages follow their setting ids', async () => {
    s = await start({
      seed: seedWith({
        Livechat_registration_form: false,
        Livechat_name_field_registration_form: false,
        Livechat_email_field_registration_form: false,
        Livechat_display_offline_form: false,
        Omnichannel_allow_visitors_to_close_conversation: false,
        Livechat_force_accept_data_processing_consent: true,
        Livechat_data_processing_consent_text: 'We store data',
        Livechat_enable_message_character_limit: true,
        Livechat_message_character_limit: 140,
        Livechat_title: 'Help',
        Livechat_title_color: '#000000',
        Livechat_offline_title: 'Gone',
        Livechat_offline_title_color: '#111111',
        Livechat_widget_position: 'left',
        Livechat_hide_system_messages: ['livechat-started'],
        Livechat_offline_success_message: 'Thanks!',
        Livechat_conversation_finished_message: 'Bye',
        Livechat_history_monitor_type: 'title',
        Livechat_fileupload_enabled: false,
        Livechat_allow_switching_departments: false,
        Language: 'pt-BR',
      }),
    });
    const c = (await config()).config;
    expect(c.settings).toMatchObject({
      registrationForm: false,
      nameFieldRegistrationForm: false,
      emailFieldRegistrationForm: false,
      displayOfflineForm: false,
      visitorsCanCloseChat: false,
      forceAcceptDataProcessingConsent: true,
      limitTextLength: 140,
      hiddenSystemMessages: ['livechat-started'],
      historyMonitorType: 'title',
      fileUpload: false,
      allowSwitchingDepartments: false,
      language: 'pt-BR',
    });
    expect(c.theme).toMatchObject({ title: 'Help', color: '#000000', offlineTitle: 'Gone', offlineColor: '#111111', position: 'left' });
    expect(c.messages).toMatchObject({
      dataProcessingConsentText: 'We store data',
      offlineSuccessMessage: 'Thanks!',
      conversationFinishedMessage: 'Bye',
    });
  });

  it("§4.1 §4.11 uploads show only as settings.fileUpload: no size or type limit is in Rocket.Chat's config", async () => {
    s = await start({
      seed: seedWith({ FileUpload_MaxFileSize: 4321, FileUpload_MediaTypeWhiteList: 'image/*', FileUpload_MediaTypeBlackList: 'video/*' }),
    });
    const { config: c } = await config();
    expect(Object.keys(c.settings).sort()).toEqual([
      'agentHiddenInfo',
      'allowSwitchingDepartments',
      'clearLocalStorageWhenChatEnded',
      'displayOfflineForm',
      'emailFieldRegistrationForm',
      'fileUpload',
      'forceAcceptDataProcessingConsent',
      'hiddenSystemMessages',
      'hideWatermark',
      'historyMonitorType',
      'language',
      'limitTextLength',
      'nameFieldRegistrationForm',
      'registrationForm',
      'showConnecting',
      'transcript',
      'videoCall',
      'visitorsCanCloseChat',
    ]);
    expect(JSON.stringify(c)).not.toMatch(/4321|image\/\*|video\/\*/);
  });

  it('§4.1 limitTextLength falls back to Message_MaxAllowedSize; FileUpload_Enabled gates fileUpload', async () => {
    s = await start({
      seed: seedWith({ Livechat_enable_message_character_limit: true, Livechat_message_character_limit: 0, FileUpload_Enabled: false }),
    });
    const c = (await config()).config;
    expect(c.settings.limitTextLength).toBe(5000);
    expect(c.settings.fileUpload).toBe(false);
  });

  it('§4.1 accepting chats with no agents reports online', async () => {
    s = await start({ seed: seedWith({ Livechat_accept_chats_with_no_agents: true }, { agents: [] }) });
    expect((await config()).config.online).toBe(true);
  });
});
