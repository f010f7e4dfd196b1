import { useState } from 'react';
import { FormError } from '../../../web/components/feedback.tsx';
import { Field, PasswordField } from '../../../web/components/field.tsx';
import { formErrors } from '../../../web/components/form-errors.ts';
import { useConnectChannel } from '../../../web/modules/channels/channels.api.ts';
import { appPasswordHint, blueskyIdentifierHint, isAppPassword, parseBlueskyIdentifier } from '../identifier.ts';
import type { ConnectFormProps } from '../../web-types.ts';

/** Bluesky: a handle and an app password, checked with the server's own rules before sending. */
export function BlueskyConnectForm({ workspaceId, network, onConnected }: ConnectFormProps) {
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

