"use server";
// Tag actions (EDITOR+): validatedAction checks the role, lib/tags/manage.ts again.
// Tags show on article pages and their own lists; a rename, merge or delete is
// rare, so the whole public site is revalidated.
import { revalidatePath } from "next/cache";
import { validatedAction } from "@/lib/auth/action";
import { requestIp } from "@/lib/audit/request";
import { revalidateTaxonomyOrAuthors } from "@/lib/cache/public";
import { deleteTagSchema, mergeTagSchema, updateTagSchema } from "./schema";
import { deleteTag, mergeTags, updateTag } from "./manage";

async function changed() {
  await revalidateTaxonomyOrAuthors();
  revalidatePath("/editor/tags");
}

export const updateTagAction = validatedAction(updateTagSchema, { permission: "taxonomy.manage" }, async (input, user) => {
  const result = await updateTag(user, input, { ip: await requestIp() });
  if (!result.ok) return { status: "error", message: result.message, fieldErrors: result.fieldErrors };
  await changed();
  return { status: "success", message: result.previousSlug ? `Saved “${result.name}”. /tags/${result.previousSlug} now redirects to /tags/${result.slug}.` : `Saved “${result.name}”.` };
});

export const mergeTagAction = validatedAction(mergeTagSchema, { permission: "taxonomy.manage" }, async (input, user) => {
  const result = await mergeTags(user, input, { ip: await requestIp() });
  if (!result.ok) return { status: "error", message: result.message, fieldErrors: result.fieldErrors };
  await changed();
  return { status: "success", message: `Merged “${result.source.name}” into “${result.target.name}” (${result.moved} ${result.moved === 1 ? "article" : "articles"}).` };
});

export const deleteTagAction = validatedAction(deleteTagSchema, { permission: "taxonomy.manage" }, async (input, user) => {
  const result = await deleteTag(user, input, { ip: await requestIp() });
  if (!result.ok) return { status: "error", message: result.message };
  await changed();
  return { status: "success", message: `Deleted “${result.name}”; ${result.articles} ${result.articles === 1 ? "article no longer carries" : "articles no longer carry"} it.` };
});
