// A real OpenID Connect provider for the single sign-on tests (panva's oidc-provider, in memory).
//
//   node tests/accounts/oidc/provider.mjs '{"client_id": "...", "client_secret": "...",
//                                           "redirect_uris": [...], "post_logout_redirect_uris": [...]}'
//
// Listens on a free port of 127.0.0.1 and prints {"issuer": "http://127.0.0.1:PORT"} on one line when ready.
// Its log-in page (GET /interaction/UID) is a form; POST /interaction/UID/login with `login` (the e-mail address)
// and optionally `groups` (separated by commas) logs that person in and consents for them. Every claim comes
// from what was typed there: `email`, `email_verified`, `given_name`, `family_name`, `groups`.
import { generateKeyPairSync } from "node:crypto";
import { createServer } from "node:http";

import Provider from "oidc-provider";

const client = JSON.parse(process.argv[2]);
const accounts = new Map(); // accountId (the e-mail) → {groups}

const server = createServer();
server.listen(0, "127.0.0.1", () => {
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const key = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" });
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: client.client_id,
        client_secret: client.client_secret,
        redirect_uris: client.redirect_uris,
        post_logout_redirect_uris: client.post_logout_redirect_uris,
        response_types: ["code"],
        grant_types: ["authorization_code"],
        token_endpoint_auth_method: "client_secret_post",
      },
    ],
    jwks: { keys: [{ ...key, kid: "test-key", use: "sig", alg: "RS256" }] },
    cookies: { keys: ["a-secret-for-the-tests-only"] },
    // Like Entra ID: the claims are in the ID token too, not only at the userinfo endpoint (unless the tests ask
    // for a provider that gives them at the userinfo endpoint only: "claims_at_userinfo_only": true).
    conformIdTokenClaims: Boolean(client.claims_at_userinfo_only),
    claims: {
      openid: ["sub", "groups"],
      email: ["email", "email_verified"],
      profile: ["given_name", "family_name"],
    },
    features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true } },
    interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
    async findAccount(ctx, id) {
      const account = accounts.get(id) || { groups: [] };
      return {
        accountId: id,
        async claims() {
          const [given, family] = id.split("@")[0].split(".");
          return {
            sub: id,
            email: id,
            email_verified: true,
            given_name: given || "",
            family_name: family || "",
            groups: account.groups,
          };
        },
      };
    },
  });

  const callback = provider.callback();
  server.on("request", async (req, res) => {
    const match = req.url.match(/^\/interaction\/([^/?]+)(\/login)?/);
    if (!match) return callback(req, res);
    try {
      const details = await provider.interactionDetails(req, res);
      if (req.method === "GET") {
        res.setHeader("Content-Type", "text/html; charset=utf-8");
        res.end(
          `<!doctype html><title>Log in</title><form method="post" action="/interaction/${details.uid}/login">` +
            `<input name="login"><input name="groups"><button>Log in</button></form>`,
        );
        return;
      }
      let body = "";
      for await (const chunk of req) body += chunk;
      const form = new URLSearchParams(body);
      const accountId = form.get("login");
      const groups = (form.get("groups") || "").split(",").filter(Boolean);
      accounts.set(accountId, { groups });
      const grant = new provider.Grant({ accountId, clientId: details.params.client_id });
      grant.addOIDCScope(details.params.scope);
      const grantId = await grant.save();
      await provider.interactionFinished(req, res, { login: { accountId }, consent: { grantId } }, {
        mergeWithLastSubmission: false,
      });
    } catch (error) {
      res.statusCode = 400;
      res.end(String(error));
    }
  });
  process.stdout.write(JSON.stringify({ issuer }) + "\n");
});

process.on("SIGTERM", () => server.close(() => process.exit(0)));
