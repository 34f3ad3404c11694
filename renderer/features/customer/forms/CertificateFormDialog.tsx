import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CertificateInput, CertificateView } from '../../../../common/environments/certificates.ts';
import type { EnvironmentView } from '../../../../common/registry/model.ts';
import { certificateKinds } from '../../../../common/registry/vocabulary.ts';
import { FormDialog } from '../../../components/FormDialog.tsx';
import { DateField, SelectField, TextField } from '../../../components/form/fields.tsx';
import { useForm } from '../../../components/form/useForm.ts';
import { vocabularyLabels } from '../../../i18n/vocabularyLabels.ts';
import { useRegistryStore } from '../../../store/StoreProvider.tsx';
import { certificateFormSpecFor, certificateFormValues } from './certificateForm.ts';

export function CertificateFormDialog({
  environment,
  certificate,
  onClose,
}: {
  environment: EnvironmentView;
  certificate?: CertificateView;
  onClose(): void;
}) {
  const { t } = useTranslation('customer');
  const saveCertificate = useRegistryStore((s) => s.saveCertificate);
  const onSubmit = useCallback(
    async (input: unknown, _values: unknown, rowVersion: number | undefined) => {
      await saveCertificate({
        environmentId: environment.id,
        ...(certificate ? { id: certificate.id, rowVersion } : {}),
        certificate: input as CertificateInput,
      });
      onClose();
    },
    [certificate, environment.id, onClose, saveCertificate],
  );
  // The conflict panel names the certificate's server by its host.
  const spec = useMemo(() => certificateFormSpecFor(environment.servers), [environment.servers]);
  const form = useForm(spec, certificateFormValues(certificate), onSubmit, certificate?.rowVersion);
  const servers = ['', ...environment.servers.map((s) => s.id)];
  const serverLabels = Object.fromEntries([
    ['', t('certificateForm.noServer')],
    ...environment.servers.map((s) => [s.id, s.host]),
  ]) as Record<string, string>;

  return (
    <FormDialog
      title={
        certificate
          ? t('certificateForm.editTitle')
          : t('certificateForm.addTitle', { environment: environment.name })
      }
      submitLabel={certificate ? t('certificateForm.save') : t('certificateForm.add')}
      form={form}
      onClose={onClose}
    >
      <TextField
        binding={form.field('subject')}
        label={t('certificateForm.subject')}
        optional
        hint={t('certificateForm.subjectHint')}
        autoFocus
      />
      <div className="form__row">
        <SelectField
          binding={form.field('kind')}
          label={t('certificateForm.kind')}
          options={certificateKinds}
          labels={vocabularyLabels('certificateKind')}
        />
        <DateField
          binding={form.field('expiresOn')}
          label={t('certificateForm.expiresOn')}
          hint={t('certificateForm.expiresOnHint')}
        />
      </div>
      <div className="form__row">
        <TextField
          binding={form.field('thumbprint')}
          label={t('certificateForm.thumbprint')}
          optional
          className="mono"
          spellCheck={false}
          hint={t('certificateForm.thumbprintHint')}
        />
        <SelectField
          binding={form.field('serverId')}
          label={t('certificateForm.server')}
          options={servers}
          labels={serverLabels}
        />
      </div>
    </FormDialog>
  );
}
