export * from "./constants.ts";
export * from "./errors.ts";
export * from "./events.ts";
export * from "./schemas/agent.ts";
export type * from "./schemas/dto.ts";
export * from "./schemas/message.ts";
export * from "./schemas/primitives.ts";
export * from "./schemas/support-hours.ts";
export * from "./schemas/visitor.ts";
