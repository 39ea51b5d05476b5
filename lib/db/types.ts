// Model and enum types for domain modules; UI code imports these, never the generated client.
export type {
  User,
  Article,
  Category,
  Tag,
  Revision,
  Correction,
  AuditEvent,
  Setting,
} from "../generated/sqlite/client";
export { Role, ArticleStatus, CorrectionStatus, TokenPurpose, Prisma } from "../generated/sqlite/client";
