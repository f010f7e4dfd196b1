import { useState } from 'react';
import { FormError } from '../../../web/components/feedback.tsx';
import { Field, PasswordField } from '../../../web/components/field.tsx';
import { formErrors } from '../../../web/components/form-errors.ts';
import { useConnectChannel } from '../../../web/modules/channels/channels.api.ts';
import { appPasswordHint, blueskyIdentifierHint, blueskySignInHint, isAppPassword, parseBlueskyIdentifier, parseBlueskyServer } from '../identifier.ts';
import type { ConnectFormProps } from '../../web-types.ts';

/**
 * Bluesky: the handle (or server address), then the account's own sign-in page (atproto OAuth).
 * An app password stays one click away, and is the only way where this Herald cannot do OAuth.
 */
export function BlueskyConnectForm(props: ConnectFormProps) {
  const oauthPossible = props.network.connect !== 'app-password';
  const [withAppPassword, setWithAppPassword] = useState(!oauthPossible);
  if (!withAppPassword) return <BlueskySignInForm {...props} onAppPassword={() => setWithAppPassword(true)} />;
  return (
    <>
      <BlueskyAppPasswordForm {...props} />
      {oauthPossible ? (
        <button type="button" className="btn-text" onClick={() => setWithAppPassword(false)}>
          Sign in on Bluesky’s page instead
        </button>
      ) : (
        <p className="muted small">This Herald has no https address, so Bluesky’s own sign-in page cannot send you back to it: connect with an app password.</p>
      )}
    </>
  );
}

function BlueskySignInForm({ workspaceId, network, onAppPassword }: ConnectFormProps & { onAppPassword: () => void }) {
  const [identifier, setIdentifier] = useState('');
  const [touched, setTouched] = useState(false);
  const connect = useConnectChannel(workspaceId);
  const errors = formErrors(connect.error, ['identifier']);
  const valid = (raw: string) => parseBlueskyIdentifier(raw) !== null || parseBlueskyServer(raw) !== null;
  const localError = touched && !valid(identifier) ? `Handle ${blueskySignInHint}` : undefined;
  return (
    <form
      className="network-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setTouched(true);
        // On success the browser goes to the account's sign-in page (useConnectChannel).
        if (valid(identifier)) connect.mutate({ network: network.id, identifier: identifier.trim() });
      }}
    >
      <Field
        label="Bluesky handle"
        placeholder="alice.bsky.social"
        autoCapitalize="off"
        autoComplete="username"
        spellCheck={false}
        value={identifier}
        onChange={(e) => setIdentifier(e.target.value)}
        hint="You sign in on your Bluesky server’s own page; Herald never sees your password. Or type your server’s address, like https://bsky.social."
        error={localError ?? errors.field('identifier')}
      />
      <FormError message={errors.general} />
      <button className="btn btn-primary" disabled={connect.isPending || connect.isSuccess}>
        {connect.isPending || connect.isSuccess ? 'Opening Bluesky…' : `Connect ${network.label}`}
      </button>
      <button type="button" className="btn-text" onClick={onAppPassword}>
        Use an app password instead
      </button>
    </form>
  );
}

/** A handle and an app password, checked with the server's own rules before sending. */
function BlueskyAppPasswordForm({ workspaceId, network, onConnected }: ConnectFormProps) {
  const [identifier, setIdentifier] = useState('');
  const [appPassword, setAppPassword] = useState('');
  const [touched, setTouched] = useState(false);
  const connect = useConnectChannel(workspaceId);
  const errors = formErrors(connect.error, ['identifier', 'appPassword']);
  const localIdentifierError = touched && !parseBlueskyIdentifier(identifier) ? `Handle ${blueskyIdentifierHint}` : undefined;
  const localPasswordError = touched && !isAppPassword(appPassword) ? `App password ${appPasswordHint}` : undefined;
  return (
    <form
      className="network-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setTouched(true);
        if (!parseBlueskyIdentifier(identifier) || !isAppPassword(appPassword)) return;
        connect.mutate(
          { network: network.id, identifier: identifier.trim(), appPassword: appPassword.trim() },
          {
            onSuccess: ({ channel }) => {
              setAppPassword('');
              setTouched(false);
              if (channel) onConnected(channel);
            },
          },
        );
      }}
    >
      <Field
        label="Bluesky handle"
        placeholder="alice.bsky.social"
        autoCapitalize="off"
        autoComplete="username"
        spellCheck={false}
        value={identifier}
        onChange={(e) => setIdentifier(e.target.value)}
        error={localIdentifierError ?? errors.field('identifier')}
      />
      <PasswordField
        label="App password"
        placeholder="xxxx-xxxx-xxxx-xxxx"
        autoComplete="off"
        value={appPassword}
        onChange={(e) => setAppPassword(e.target.value)}
        hint="Create one in Bluesky: Settings → Privacy and security → App passwords. Never your account password; delete the app password there to cut Herald off."
        error={localPasswordError ?? errors.field('appPassword')}
      />
      <FormError message={errors.general} />
      <button className="btn btn-primary" disabled={connect.isPending}>
        {connect.isPending ? 'Signing in…' : `Connect ${network.label}`}
      </button>
    </form>
  );
}

