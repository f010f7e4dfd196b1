import { useState } from 'react';
import { Dialog } from '../../components/dialog.tsx';
import { FormError } from '../../components/feedback.tsx';
import { Field } from '../../components/field.tsx';
import { formErrors } from '../../components/form-errors.ts';
import { useToast } from '../../components/toast.tsx';
import { useMarkPublished, useRetryDelivery, type Delivery } from './posts.api.ts';
import { networkLabel } from '../../components/networks.ts';

type Props = {
  workspaceId: string;
  postId: string;
  delivery: Pick<Delivery, 'id' | 'network' | 'state' | 'actions'>;
  channelName: string;
  /** The risky resend is offered where the log is at hand (the post page), not in lists. */
  offerResend?: boolean;
};

/**
 * What a person may do about one delivery, exactly as the engine allows it (`delivery.actions`):
 * a safe retry or check, a resend after a person confirmed the post is absent, or marking it
 * published by hand. The caller shows this only to roles with posts.schedule.
 */
export function DeliveryActions({ workspaceId, postId, delivery, channelName, offerResend = true }: Props) {
  const toast = useToast();
  const retry = useRetryDelivery(workspaceId);
  const [dialog, setDialog] = useState<'resend' | 'mark' | null>(null);
  const network = networkLabel(delivery.network);
  const can = (action: string) => delivery.actions.includes(action) && (offerResend || action !== 'retry_confirmed_absent');
  const safeRetry = can('retry') || can('check');
  if (!safeRetry && !can('retry_confirmed_absent') && !can('mark_published')) return null;

  const runRetry = (confirmedAbsent: boolean) =>
    retry.mutate(
      { postId, deliveryId: delivery.id, confirmedAbsent },
      {
        onSuccess: () => {
          setDialog(null);
          toast(confirmedAbsent ? `Sending again to ${channelName}.` : can('check') ? `Checking ${network} again.` : `Retrying on ${channelName}.`);
        },
        onError: (error) => {
          if (!confirmedAbsent) toast(error.message, 'error');
        },
      },
    );

  return (
    <div className="delivery-actions" role="group" aria-label={`Actions for ${channelName}`}>
      {safeRetry ? (
        <button type="button" className="btn btn-sm btn-primary" disabled={retry.isPending} onClick={() => runRetry(false)}>
          {retry.isPending && !dialog ? <span className="spinner spinner-on-accent" aria-hidden="true" /> : null}
          {can('check') ? 'Check again' : 'Retry'}
        </button>
      ) : null}
      {can('mark_published') ? (
        <button type="button" className="btn btn-sm" onClick={() => setDialog('mark')}>
          Mark as published…
        </button>
      ) : null}
      {can('retry_confirmed_absent') ? (
        <button type="button" className="btn btn-sm btn-danger-outline" onClick={() => setDialog('resend')}>
          I checked: it is not there, send again…
        </button>
      ) : null}

      <Dialog open={dialog === 'resend'} title="Send it again?" onClose={() => setDialog(null)} testId="resend-dialog">
        <p>
          Herald lost {network}’s answer while it was posting, so it does not know whether the post went out. Open {channelName} on {network} and look for the post first.
        </p>
        <p>
          <strong>If the post is there after all, sending again makes a duplicate</strong> that you will have to delete by hand. Use “Check again” to let Herald ask{' '}
          {network} instead, or “Mark as published” if you found it.
        </p>
        <FormError message={dialog === 'resend' && retry.error ? retry.error.message : null} />
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={() => setDialog(null)} autoFocus>
            Keep waiting
          </button>
          <button type="button" className="btn btn-danger" disabled={retry.isPending} onClick={() => runRetry(true)}>
            {retry.isPending ? 'Sending…' : 'It is not there: send again'}
          </button>
        </div>
      </Dialog>

      <MarkPublishedDialog
        open={dialog === 'mark'}
        onClose={() => setDialog(null)}
        workspaceId={workspaceId}
        postId={postId}
        deliveryId={delivery.id}
        network={network}
        channelName={channelName}
      />
    </div>
  );
}

function MarkPublishedDialog(props: { open: boolean; onClose: () => void; workspaceId: string; postId: string; deliveryId: string; network: string; channelName: string }) {
  const { open, onClose, workspaceId, postId, deliveryId, network, channelName } = props;
  const toast = useToast();
  const mark = useMarkPublished(workspaceId);
  const [url, setUrl] = useState('');
  const errors = formErrors(mark.error, ['url']);
  const close = () => {
    mark.reset();
    setUrl('');
    onClose();
  };
  return (
    <Dialog open={open} title="Mark as published" onClose={close} testId="mark-published-dialog">
      <p>
        Herald stops trying and records this post as published on {channelName}. Do this when you posted it yourself, or found it on {network}.
      </p>
      <form
        className="mark-published-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          // The promise, not mutate's callback: the refetch after success can unmount this dialog
          // (the delivery is no longer one to mark), and a callback of an unmounted mutate never runs.
          mark
            .mutateAsync({ postId, deliveryId, url: url.trim() || undefined })
            .then(() => {
              toast('Marked as published.');
              close();
            })
            .catch(() => undefined); // shown by the form from mark.error
        }}
      >
        <Field
          label="Link to the post (optional)"
          name="url"
          inputMode="url"
          autoComplete="off"
          placeholder={`https://…`}
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          error={errors.field('url')}
          hint="Shown on the post page so others can open it."
          autoFocus
        />
        <FormError message={errors.general} />
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={mark.isPending}>
            {mark.isPending ? 'Saving…' : 'Mark as published'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
