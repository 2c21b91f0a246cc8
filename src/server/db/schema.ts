// Every table, gathered for Drizzle and drizzle-kit. Tables live beside their module.
export * from '../lib/jobs-tables';
export * from '../lib/mail/tables';
export * from '../modules/accounts/tables';
export * from '../modules/blocks/tables';
export * from '../modules/events/tables';
export * from '../modules/forum/tables';
export * from '../modules/groups/tables';
export * from '../modules/help/tables';
export * from '../modules/moderation/tables';
export * from '../modules/notifications/tables';
export * from '../modules/profiles/tables';
export * from '../modules/safety/tables';
export * from '../modules/settings/tables';
export * from '../modules/trust/tables';
