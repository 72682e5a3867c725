// A visitor moving its open room to another department: RC's lib/transfer.ts transfer() and Helper.ts
// forwardRoomToDepartment under Auto_Selection routing, which both department-switch routes call.
import { plainError } from './errors.ts';
import { pickAgent } from './livechat.ts';
import type { Store, StoredRoom, StoredVisitor } from './store.ts';

/** True when the room moved; false when it is closed. Throws RC's errors for the other refusals. */
export function transferToDepartment(store: Store, room: StoredRoom, visitor: StoredVisitor, departmentId: string): boolean {
  const department = store.departments.get(departmentId);
  if (!department) throw plainError('error-invalid-department');
  if (!room.open) return false;
  if (room.departmentId === departmentId) throw plainError('error-forwarding-chat-same-department');
  const previous = room.servedBy;
  // delegateInquiry asks routing for the new department's next agent; takeInquiry keeps a room its agent already serves
  const next = pickAgent(store, departmentId);
  const taken = next !== undefined && next._id !== previous?._id;
  // nobody else to take it: a served room stays where it is (no fallback department here)
  if (previous && !taken) throw plainError('error-no-agents-online-in-department');
  if (taken) store.assignAgent(room, next);
  const transferredBy = { _id: visitor._id, username: visitor.username, ...(visitor.name ? { name: visitor.name } : {}), userType: 'visitor' };
  store.systemMessage(
    room,
    'livechat_transfer_history',
    { _id: visitor._id, username: visitor.username },
    {
      fields: {
        token: room.v.token,
        transferData: {
          transferredBy,
          ts: new Date(),
          scope: 'department',
          ...(room.departmentId ? { previousDepartment: room.departmentId } : {}),
          nextDepartment: { _id: department._id, name: department.name },
        },
      },
    },
  );
  room.departmentId = department._id;
  return true;
}
