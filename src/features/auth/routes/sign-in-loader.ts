import { type LoaderFunctionArgs, redirect } from "react-router";
import { api } from "@domain/api/addresses";
import type { Session } from "@domain/schemas/auth";
import { callApi } from "@/lib/api-client";
import { queryClient } from "@/lib/query-client";
import { adoptSession, isSignedOut, mayBeSignedIn, rememberSignedIn, safeNext, sessionQuery } from "@/lib/session";

/**
 * Already signed in: straight on to `next`. Asked with the API client, not the query
 * cache, whose 401 handling would send this page to itself. Apart from the page's module,
 * so the router asks it beside loading the page's code, not after.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  // A visitor this browser never signed in (or who signed out) has no session to find.
  if (!mayBeSignedIn()) return null;
  let session: Session;
  try {
    session = (await callApi(api.session.get, { signal: request.signal })).data;
  } catch (error) {
    if (isSignedOut(error)) rememberSignedIn(false);
    return null;
  }
  queryClient.setQueryData(sessionQuery().queryKey, adoptSession(session));
  return redirect(safeNext(new URL(request.url).searchParams.get("next")));
}
