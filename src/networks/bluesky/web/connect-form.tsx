import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../web/components/feedback.tsx';
import { Field, PasswordField } from '../../../web/components/field.tsx';
import { formErrors } from '../../../web/components/form-errors.ts';
import { useConnectChannel } from '../../../web/modules/channels/channels.api.ts';
import { isAppPassword, parseBlueskyIdentifier, parseBlueskyServer } from '../identifier.ts';
import { descriptorKeys } from '../../texts.ts';
import type { ConnectFormProps } from '../../web-types.ts';

/** What an app password looks like: a shape, the same in every language. */
const appPasswordShape = 'xxxx-xxxx-xxxx-xxxx';

/**
 * Bluesky: the handle (or server address), then the account's own sign-in page (atproto OAuth).
 * An app password stays one click away, and is the only way where this Herald cannot do OAuth.
 */
export function BlueskyConnectForm(props: ConnectFormProps) {
  const { t } = useTranslation('network-bluesky');
  const oauthPossible = props.network.connect !== 'app-password';
  const [withAppPassword, setWithAppPassword] = useState(!oauthPossible);
  if (!withAppPassword) return <BlueskySignInForm {...props} onAppPassword={() => setWithAppPassword(true)} />;
  return (
    <>
      <BlueskyAppPasswordForm {...props} />
      {oauthPossible ? (
        <button type="button" className="btn-text" onClick={() => setWithAppPassword(false)}>
          {t('web.connect.oauthInstead')}
        </button>
      ) : (
        <p className="muted small">{t('web.connect.noHttps')}</p>
      )}
    </>
  );
}

function BlueskySignInForm({ workspaceId, network, onAppPassword }: ConnectFormProps & { onAppPassword: () => void }) {
  const { t } = useTranslation('network-bluesky');
  const [identifier, setIdentifier] = useState('');
  const [touched, setTouched] = useState(false);
  const connect = useConnectChannel(workspaceId);
  const errors = formErrors(connect.error, ['identifier']);
  const valid = (raw: string) => parseBlueskyIdentifier(raw) !== null || parseBlueskyServer(raw) !== null;
  const localError = touched && !valid(identifier) ? t('web.connect.handleError', { hint: t(descriptorKeys.oauthIdentifierHint) }) : undefined;
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
        label={t('web.connect.handle')}
        placeholder="alice.bsky.social"
        autoCapitalize="off"
        autoComplete="username"
        spellCheck={false}
        value={identifier}
        onChange={(e) => setIdentifier(e.target.value)}
        hint={t('web.connect.handleHint')}
        error={localError ?? errors.field('identifier')}
      />
      <FormError message={errors.general} />
      <button className="btn btn-primary" disabled={connect.isPending || connect.isSuccess}>
        {connect.isPending || connect.isSuccess ? t('web.connect.opening') : t('web.connect.connect', { network: network.label })}
      </button>
      <button type="button" className="btn-text" onClick={onAppPassword}>
        {t('web.connect.useAppPassword')}
      </button>
    </form>
  );
}

/** A handle and an app password, checked with the server's own rules before sending. */
function BlueskyAppPasswordForm({ workspaceId, network, onConnected }: ConnectFormProps) {
  const { t } = useTranslation('network-bluesky');
  const [identifier, setIdentifier] = useState('');
  const [appPassword, setAppPassword] = useState('');
  const [touched, setTouched] = useState(false);
  const connect = useConnectChannel(workspaceId);
  const errors = formErrors(connect.error, ['identifier', 'appPassword']);
  const localIdentifierError = touched && !parseBlueskyIdentifier(identifier) ? t('web.connect.handleError', { hint: t(descriptorKeys.identifierHint) }) : undefined;
  const localPasswordError = touched && !isAppPassword(appPassword) ? t('web.connect.appPasswordError', { hint: t(descriptorKeys.appPasswordHint) }) : undefined;
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
        label={t('web.connect.handle')}
        placeholder="alice.bsky.social"
        autoCapitalize="off"
        autoComplete="username"
        spellCheck={false}
        value={identifier}
        onChange={(e) => setIdentifier(e.target.value)}
        error={localIdentifierError ?? errors.field('identifier')}
      />
      <PasswordField
        label={t('web.connect.appPassword')}
        placeholder={appPasswordShape}
        autoComplete="off"
        value={appPassword}
        onChange={(e) => setAppPassword(e.target.value)}
        hint={t('web.connect.appPasswordHint')}
        error={localPasswordError ?? errors.field('appPassword')}
      />
      <FormError message={errors.general} />
      <button className="btn btn-primary" disabled={connect.isPending}>
        {connect.isPending ? t('web.connect.signingIn') : t('web.connect.connect', { network: network.label })}
      </button>
    </form>
  );
}

