import { useCallback, useMemo } from 'react';
import type { CertificateInput, CertificateView } from '../../../../common/environments/certificates.ts';
import type { EnvironmentView } from '../../../../common/registry/model.ts';
import { certificateKindLabels, certificateKinds } from '../../../../common/registry/vocabulary.ts';
import { FormDialog } from '../../../components/FormDialog.tsx';
import { SelectField, TextField } from '../../../components/form/fields.tsx';
import { useForm } from '../../../components/form/useForm.ts';
import { useRegistryStore } from '../../../store/StoreProvider.tsx';
import { NO_SERVER_LABEL, certificateFormSpecFor, certificateFormValues } from './certificateForm.ts';

export function CertificateFormDialog({
  environment,
  certificate,
  onClose,
}: {
  environment: EnvironmentView;
  certificate?: CertificateView;
  onClose(): void;
}) {
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
    ['', NO_SERVER_LABEL],
    ...environment.servers.map((s) => [s.id, s.host]),
  ]) as Record<string, string>;

  return (
    <FormDialog
      title={certificate ? 'Edit certificate' : `Add certificate to ${environment.name}`}
      submitLabel={certificate ? 'Save certificate' : 'Add certificate'}
      form={form}
      onClose={onClose}
    >
      <TextField
        binding={form.field('subject')}
        label="Subject"
        optional
        hint="E.g. CN=sts.kommun.se"
        autoFocus
      />
      <div className="form__row">
        <SelectField
          binding={form.field('kind')}
          label="Kind"
          options={certificateKinds}
          labels={certificateKindLabels}
        />
        <TextField
          binding={form.field('expiresOn')}
          label="Expires on"
          type="date"
          className="mono"
          hint="Its last valid day (Valid to)"
        />
      </div>
      <div className="form__row">
        <TextField
          binding={form.field('thumbprint')}
          label="Thumbprint"
          optional
          className="mono"
          spellCheck={false}
          hint="40 hex digits, as the certificate console shows it"
        />
        <SelectField
          binding={form.field('serverId')}
          label="Server"
          options={servers}
          labels={serverLabels}
        />
      </div>
    </FormDialog>
  );
}
