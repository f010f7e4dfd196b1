import { useEffect, useState } from 'react';
import { isApiError } from '../../api/client.ts';
import { Dialog } from '../../components/dialog.tsx';
import { FormError } from '../../components/feedback.tsx';
import { formErrors } from '../../components/form-errors.ts';
import { formatDateTime } from '../../components/format.ts';
import { ChannelAvatar } from '../../components/network-mark.tsx';
import { Loading } from '../../components/status.tsx';
import { descriptorOf } from '../../../shared/networks.ts';
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
        {account.alreadyConnected ? <span className="badge status-ok">Already connected</span> : null}
      </label>
    </li>
  );
}

/**
 * One consent covered several accounts (the Pages a person manages): the user picks which become
 * channels. Cancel, Escape or a click beside the dialog discards the list and its tokens at once.
 */
export function AccountPicker({ workspaceId, workspaceName, selectionId, onDone }: { workspaceId: string; workspaceName: string; selectionId: string; onDone: (connected: Channel[]) => void }) {
  const selection = useSelection(workspaceId, selectionId);
  const connect = useConnectSelected(workspaceId);
  const discard = useDiscardSelection(workspaceId);
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const data = selection.data;
  const label = data?.networkLabel ?? 'the network';
  const noun = (data && descriptorOf(data.network)?.accountsNoun) ?? 'accounts';
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
    <Dialog open title={data ? `Choose ${label} ${noun} to connect` : 'Choose accounts to connect'} onClose={cancel} testId="account-picker">
      {selection.isPending ? <Loading label="Loading the accounts…" /> : null}
      {selection.error ? (
        <>
          <FormError message={formErrors(selection.error, []).general} />
          <div className="dialog-actions">
            <button type="button" className="btn" onClick={cancel}>
              Close
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
            Your {label} login manages these {noun}. Each one you pick becomes a channel of {workspaceName}; one already connected gets a fresh token in place. The others are not
            kept.
          </p>
          <fieldset className="picker-fieldset">
            <legend className="label">Accounts</legend>
            <ul className="picker-list">
              {data.accounts.map((account) => (
                <AccountChoice key={account.externalId} network={data.network} account={account} checked={picked.has(account.externalId)} onToggle={() => toggle(account.externalId)} />
              ))}
            </ul>
          </fieldset>
          <p className="muted small">This list is kept until {formatDateTime(data.expiresAt)}; after that, connect again.</p>
          <FormError message={formErrors(connect.error, ['externalIds']).general ?? formErrors(connect.error, ['externalIds']).field('externalIds')} />
          <div className="dialog-actions">
            <button type="button" className="btn" onClick={cancel}>
              Cancel
            </button>
            <button type="submit" className="btn btn-primary" disabled={!count || connect.isPending || gone}>
              {connect.isPending ? 'Connecting…' : count > 1 ? `Connect ${count} accounts` : 'Connect'}
            </button>
          </div>
        </form>
      ) : null}
    </Dialog>
  );
}
