import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('posts');
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
          toast(confirmedAbsent ? t('actions.delivery.sendingAgain', { channel: channelName }) : can('check') ? t('actions.delivery.checkingAgain', { network }) : t('actions.delivery.retrying', { channel: channelName }));
        },
        onError: (error) => {
          if (!confirmedAbsent) toast(error.message, 'error');
        },
      },
    );

  return (
    <div className="delivery-actions" role="group" aria-label={t('actions.delivery.label', { channel: channelName })}>
      {safeRetry ? (
        <button type="button" className="btn btn-sm btn-primary" disabled={retry.isPending} onClick={() => runRetry(false)}>
          {retry.isPending && !dialog ? <span className="spinner spinner-on-accent" aria-hidden="true" /> : null}
          {can('check') ? t('actions.delivery.checkAgain') : t('actions.delivery.retry')}
        </button>
      ) : null}
      {can('mark_published') ? (
        <button type="button" className="btn btn-sm" onClick={() => setDialog('mark')}>
          {t('actions.delivery.markPublishedEllipsis')}
        </button>
      ) : null}
      {can('retry_confirmed_absent') ? (
        <button type="button" className="btn btn-sm btn-danger-outline" onClick={() => setDialog('resend')}>
          {t('actions.delivery.resendEllipsis')}
        </button>
      ) : null}

      <Dialog open={dialog === 'resend'} title={t('actions.delivery.resendTitle')} onClose={() => setDialog(null)} testId="resend-dialog">
        <p>{t('actions.delivery.resendLost', { network, channel: channelName })}</p>
        <p>
          <Trans t={t} i18nKey="actions.delivery.resendWarning" values={{ network }} components={{ strong: <strong /> }} />
        </p>
        <FormError message={dialog === 'resend' && retry.error ? retry.error.message : null} />
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={() => setDialog(null)} autoFocus>
            {t('actions.delivery.keepWaiting')}
          </button>
          <button type="button" className="btn btn-danger" disabled={retry.isPending} onClick={() => runRetry(true)}>
            {retry.isPending ? t('actions.delivery.sending') : t('actions.delivery.resendConfirm')}
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
  const { t } = useTranslation('posts');
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
    <Dialog open={open} title={t('actions.delivery.markPublished')} onClose={close} testId="mark-published-dialog">
      <p>{t('actions.delivery.markBody', { channel: channelName, network })}</p>
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
              toast(t('actions.delivery.marked'));
              close();
            })
            .catch(() => undefined); // shown by the form from mark.error
        }}
      >
        <Field
          label={t('actions.delivery.linkLabel')}
          name="url"
          inputMode="url"
          autoComplete="off"
          placeholder={`https://…`}
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          error={errors.field('url')}
          hint={t('actions.delivery.linkHint')}
          autoFocus
        />
        <FormError message={errors.general} />
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={close}>
            {t('actions.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={mark.isPending}>
            {mark.isPending ? t('composer.saving') : t('actions.delivery.markPublished')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
