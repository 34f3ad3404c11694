import { useTranslation } from 'react-i18next';
import { TextAreaField } from '../../components/form/fields.tsx';
import type { FieldBinding } from '../../components/form/useForm.ts';

/** The environment form's launch templates of its supported tools, one line per tool (toolTemplatesText.ts). */
export function ToolTemplatesField({ binding }: { binding: FieldBinding<string> }) {
  const { t } = useTranslation('remoteAccess');
  return (
    <TextAreaField
      binding={binding}
      label={t('tool.templates')}
      optional
      rows={2}
      className="mono"
      hint={t('tool.templatesHint')}
    />
  );
}
