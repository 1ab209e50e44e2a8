import * as client from 'openid-client';
import type { OidcSettings } from './config';

/**
 * Single sign-on through the organisation's OpenID provider, with `openid-client`: the
 * authorization code flow with PKCE (S256), a state that ties the answer to the browser that
 * asked, and a nonce that ties the ID token to the request. Only the ID token's `email` claim,
 * verified by the provider (`email_verified`), is used.
 */

const configs = new Map<string, Promise<client.Configuration>>();

/** An http issuer is accepted only on this machine (a provider started by a test, or in development). */
const loopback = (issuer: URL) => issuer.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(issuer.hostname);

/** The provider's configuration, discovered once per process (again after a failure). */
export function providerConfig(settings: OidcSettings): Promise<client.Configuration> {
  const key = `${settings.issuer} ${settings.clientId}`;
  let config = configs.get(key);
  if (!config) {
    const issuer = new URL(settings.issuer);
    config = client.discovery(issuer, settings.clientId, undefined, client.ClientSecretBasic(settings.clientSecret), loopback(issuer) ? { execute: [client.allowInsecureRequests] } : undefined);
    config.catch(() => configs.delete(key));
    configs.set(key, config);
  }
  return config;
}

export type SsoStart = { url: string; state: string; verifier: string; nonce: string };

/** Where to send the browser, and what to keep until it comes back. */
export async function startSso(settings: OidcSettings, redirectUri: string): Promise<SsoStart> {
  const config = await providerConfig(settings);
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: 'openid email',
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return { url: url.href, state, verifier, nonce };
}

export type SsoResult = { ok: true; email: string } | { ok: false; reason: string };

/**
 * The provider's answer at the callback address: the code exchanged (with the verifier), the
 * ID token checked (signature, issuer, audience, nonce), and the verified e-mail address.
 */
export async function finishSso(settings: OidcSettings, callbackUrl: URL, expected: { state: string; verifier: string; nonce: string }): Promise<SsoResult> {
  try {
    const config = await providerConfig(settings);
    const tokens = await client.authorizationCodeGrant(config, callbackUrl, { pkceCodeVerifier: expected.verifier, expectedState: expected.state, expectedNonce: expected.nonce, idTokenExpected: true });
    const idToken = tokens.claims();
    if (!idToken) return { ok: false, reason: 'the provider sent no ID token' };
    // Many providers put the address in the ID token; others (and OpenID Connect's default for the code flow) only at the UserInfo endpoint.
    const claims = typeof idToken.email === 'string' ? idToken : await client.fetchUserInfo(config, tokens.access_token, idToken.sub);
    if (typeof claims.email !== 'string') return { ok: false, reason: 'the provider sent no e-mail address' };
    if (claims.email_verified !== true) return { ok: false, reason: 'the provider has not verified the e-mail address' };
    return { ok: true, email: claims.email };
  } catch (error) {
    return { ok: false, reason: `the provider's answer was refused: ${error instanceof Error ? error.message : String(error)}`.slice(0, 300) };
  }
}
