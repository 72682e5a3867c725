// What a DDP method is to the stand-in: a function of its context (the store, Meteor's `this.connection`) and params
// that answers a result or a Meteor.Error. Kept apart so that the method tables import it without importing each other.
import type { Store } from '../store.ts';
import type { MeteorError } from './errors.ts';

/** The DDP connection a method runs on, as Meteor's `this.connection`. */
export interface Connection {
  /** set once by `livechat:setUpConnection` */
  livechatToken?: string;
  onClose(callback: () => void): void;
}

export interface MethodContext {
  store: Store;
  connection: Connection;
}

export type MethodOutcome = { result?: unknown } | { error: MeteorError };

export type Method = (ctx: MethodContext, params: unknown[]) => MethodOutcome;
