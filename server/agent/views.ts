// What the console shows about a room: its state and the visitor's details, in plain JSON.
import type { Store, StoredRoom } from '../store.ts';

/** Custom field values with the labels an agent reads; a key no field defines keeps its id as label. */
function labelled(store: Store, values: Record<string, string> | undefined) {
  return Object.entries(values ?? {}).map(([_id, value]) => ({ _id, label: store.customFields.get(_id)?.label ?? _id, value }));
}

export type RoomState = 'waiting' | 'open' | 'closed';

export function roomState(room: StoredRoom): RoomState {
  if (!room.open) return 'closed';
  return room.servedBy ? 'open' : 'waiting';
}

export function roomView(store: Store, room: StoredRoom) {
  const visitor = store.visitors.get(room.v._id) ?? store.visitorByToken(room.v.token);
  const departmentId = room.departmentId ?? visitor?.department;
  return {
    _id: room._id,
    state: roomState(room),
    fname: room.fname,
    ts: room.ts,
    lm: room.lm,
    msgs: room.msgs,
    departmentId,
    department: departmentId ? store.departments.get(departmentId)?.name : undefined,
    servedBy: room.servedBy,
    closedAt: room.closedAt,
    closer: room.closer,
    livechatData: room.livechatData ?? {},
    customFields: [...labelled(store, visitor?.livechatData), ...labelled(store, room.livechatData)],
    visitor: {
      _id: room.v._id,
      username: room.v.username,
      name: visitor?.name,
      email: visitor?.visitorEmails?.[0]?.address,
      phone: visitor?.phone?.[0]?.phoneNumber,
      department: visitor?.department ? store.departments.get(visitor.department)?.name : undefined,
      livechatData: visitor?.livechatData ?? {},
    },
  };
}

/** Newest activity first within each group. */
export function roomLists(store: Store): Record<RoomState, ReturnType<typeof roomView>[]> {
  const lists: Record<RoomState, ReturnType<typeof roomView>[]> = { waiting: [], open: [], closed: [] };
  const rooms = [...store.rooms.values()].sort((a, b) => b.lm.getTime() - a.lm.getTime());
  for (const room of rooms) lists[roomState(room)].push(roomView(store, room));
  return lists;
}
