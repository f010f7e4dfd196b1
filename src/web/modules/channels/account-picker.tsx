import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { Dialog } from '../../components/dialog.tsx';
import { FormError } from '../../components/feedback.tsx';
import { formErrors } from '../../components/form-errors.ts';
import { formatDateTime } from '../../components/format.ts';
import { ChannelAvatar } from '../../components/network-mark.tsx';
import { Loading } from '../../components/status.tsx';
import { descriptorOf } from '../../../shared/networks.ts';
import { descriptorKeys } from '../../../networks/texts.ts';
import { useConnectSelected, useDiscardSelection, useSelection, type Channel, type SelectionAccount } from './channels.api.ts';

/** The picture once it has loaded: one the network no longer serves leaves the network's mark, not a broken image. */
function useLoadedImage(src: string | null): string | null {
  const [loaded, setLoaded] = useState<string | null>(null);
  useEffect(() => {
    if (!src) return;
    const image = new Image();
    image.onload = () => setLoaded(src);
    image.src = src;
    return () => {
      image.onload = null;
    };
  }, [src]);
  return loaded === src ? loaded : null;
}

function AccountChoice({ network, account, checked, onToggle }: { network: string; account: SelectionAccount; checked: boolean; onToggle: () => void }) {
  const { t } = useTranslation('channels');
  const name = account.displayName ?? account.username ?? account.externalId;
  const picture = useLoadedImage(account.avatar);
  return (
    <li>
      <label className={checked ? 'picker-choice is-on' : 'picker-choice'} data-testid="picker-account">
        <input type="checkbox" checked={checked} onChange={onToggle} />
        {/* Herald relays the picture: loading it from the network's CDN would tell it who uses Herald. */}
        <ChannelAvatar network={network} src={picture} size="sm" />
        <span className="picker-choice-text">
          <span className="row-title">{name}</span>
          <span className="row-sub">{[account.username ? `@${account.username}` : null, account.note].filter(Boolean).join(' · ') || '\u00a0'}</span>
        </span>
        {account.alreadyConnected ? <span className="badge status-ok">{t('picker.alreadyConnected')}</span> : null}
      </label>
    </li>
  );
}

/**
 * One consent covered several accounts (the Pages a person manages): the user picks which become
 * channels. Cancel, Escape or a click beside the dialog discards the list and its tokens at once.
 */
export function AccountPicker({ workspaceId, workspaceName, selectionId, onDone }: { workspaceId: string; workspaceName: string; selectionId: string; onDone: (connected: Channel[]) => void }) {
  const { t } = useTranslation('channels');
  const selection = useSelection(workspaceId, selectionId);
  const connect = useConnectSelected(workspaceId);
  const discard = useDiscardSelection(workspaceId);
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const data = selection.data;
  const label = data?.networkLabel ?? t('disconnect.theNetwork');
  // The network's own noun (Facebook: "Pages") in the interface's language, its English until translated.
  const networkNoun = data ? descriptorOf(data.network)?.accountsNoun : undefined;
  const noun = data && networkNoun ? t(descriptorKeys.accountsNoun, { ns: `network-${data.network}`, defaultValue: networkNoun }) : t('picker.accounts');
  // Once the list is gone (used, expired, another session's), closing has nothing to discard.
  const gone = isApiError(selection.error) || isApiError(connect.error, 'channel.selection_not_found') || isApiError(connect.error, 'channel.selection_expired');

  const cancel = () => {
    if (!gone && !connect.isSuccess) discard.mutate(selectionId);
    onDone([]);
  };
  const toggle = (externalId: string) =>
    setPicked((current) => {
      const next = new Set(current);
      if (!next.delete(externalId)) next.add(externalId);
      return next;
    });
  const count = picked.size;

  return (
    <Dialog open title={data ? t('picker.title', { network: label, noun }) : t('picker.titleGeneric')} onClose={cancel} testId="account-picker">
      {selection.isPending ? <Loading label={t('picker.loading')} /> : null}
      {selection.error ? (
        <>
          <FormError message={formErrors(selection.error, []).general} />
          <div className="dialog-actions">
            <button type="button" className="btn" onClick={cancel}>
              {t('picker.close')}
            </button>
          </div>
        </>
      ) : null}
      {data ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (count) connect.mutate({ selectionId, externalIds: [...picked] }, { onSuccess: (answer) => onDone(answer.channels) });
          }}
        >
          <p>
            {t('picker.intro', { network: label, noun, workspace: workspaceName })}
          </p>
          <fieldset className="picker-fieldset">
            <legend className="label">{t('picker.legend')}</legend>
            <ul className="picker-list">
              {data.accounts.map((account) => (
                <AccountChoice key={account.externalId} network={data.network} account={account} checked={picked.has(account.externalId)} onToggle={() => toggle(account.externalId)} />
              ))}
            </ul>
          </fieldset>
          <p className="muted small">{t('picker.expires', { date: formatDateTime(data.expiresAt) })}</p>
          <FormError message={formErrors(connect.error, ['externalIds']).general ?? formErrors(connect.error, ['externalIds']).field('externalIds')} />
          <div className="dialog-actions">
            <button type="button" className="btn" onClick={cancel}>
              {t('picker.cancel')}
            </button>
            <button type="submit" className="btn btn-primary" disabled={!count || connect.isPending || gone}>
              {connect.isPending ? t('picker.connecting') : count > 1 ? t('picker.connectMany', { count }) : t('picker.connect')}
            </button>
          </div>
        </form>
      ) : null}
    </Dialog>
  );
}
