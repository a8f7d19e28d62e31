import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { GatewayStatus } from "@domain/schemas/gateway-status";
import { gatewayStatusQuery } from "@/lib/session";
import { renderWithProviders } from "@/test/render";
import { server } from "@/test/server";
import { gatewayStatusHandler } from "@/test/session";
import { webexStatus } from "@/features/gateway/test-status";
import { GatewayBanner } from "./gateway-banner";

const WRITE_SCOPE = "spark-admin:telephony_config_write";

async function renderBanner(status?: GatewayStatus, language: "en" | "pt-BR" = "en") {
  if (status) server.use(gatewayStatusHandler(status));
  const rendered = await renderWithProviders(<GatewayBanner />, { language });
  await waitFor(() => expect(rendered.queryClient.getQueryData(gatewayStatusQuery().queryKey)).toBeDefined());
  return rendered;
}

describe("Webex banners", () => {
  it("show nothing on a standalone server, nor in Webex mode while all is well", async () => {
    const standalone = await renderBanner();
    expect(standalone.container).toBeEmptyDOMElement();
    standalone.unmount();

    const webex = await renderBanner(webexStatus());
    expect(webex.container).toBeEmptyDOMElement();
  });

  it("alert that Webex cannot be reached when the server's credential has expired, and who must renew it", async () => {
    await renderBanner(webexStatus({ credential: "expired" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent(
      "Webex cannot be reached. The Webex credential this server uses has expired." +
        "Whoever set up the server must renew it. Until then, nothing can be changed, and what you see is as it was at the last synchronization.",
    );
    expect(screen.queryByRole("status")).not.toBeInTheDocument();
  });

  it("alert when Webex refused the credential, in Portuguese", async () => {
    await renderBanner(webexStatus({ credential: "invalid" }), "pt-BR");
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Não é possível acessar o Webex. O Webex recusou a credencial usada por este servidor.");
    expect(alert).toHaveTextContent("Quem configurou o servidor precisa renová-la.");
  });

  it("say the app is read-only, naming the one scope the token lacks", async () => {
    await renderBanner(webexStatus({ readOnly: true, missingScopes: [WRITE_SCOPE] }));
    const notice = await screen.findByRole("status");
    expect(notice).toHaveTextContent(
      "Call Park Admin is read-only. The Webex token this server uses lacks the scope needed to make changes:",
    );
    expect(within(notice).getAllByRole("listitem").map((li) => li.textContent)).toEqual([WRITE_SCOPE]);
    expect(notice).toHaveTextContent("Ask whoever set up the server for a token with this scope.");
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("name every missing scope, in Portuguese, next to an expired credential", async () => {
    const scopes = [WRITE_SCOPE, "spark-admin:people_read"];
    await renderBanner(webexStatus({ readOnly: true, missingScopes: scopes, credential: "expired" }), "pt-BR");
    const notice = await screen.findByRole("status");
    expect(notice).toHaveTextContent(
      "O Call Park Admin está em modo somente leitura. O token do Webex usado por este servidor não tem os 2 escopos necessários para fazer alterações:",
    );
    expect(within(notice).getAllByRole("listitem").map((li) => li.textContent)).toEqual(scopes);
    expect(notice).toHaveTextContent("Peça a quem configurou o servidor um token com esses escopos.");
    expect(screen.getByRole("alert")).toHaveTextContent("A credencial do Webex usada por este servidor expirou.");
  });

  it("say the app is read-only even before Webex has named the scope", async () => {
    await renderBanner(webexStatus({ readOnly: true, missingScopes: [] }));
    const notice = await screen.findByRole("status");
    expect(notice).toHaveTextContent(
      "Call Park Admin is read-only. The Webex token this server uses does not allow changes." +
        "Ask whoever set up the server for a token that allows changes.",
    );
    expect(within(notice).queryByRole("list")).not.toBeInTheDocument();
  });
});
