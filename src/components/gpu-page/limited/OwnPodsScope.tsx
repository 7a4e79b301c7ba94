import {
  Button,
  Form,
  FormGroup,
  FormHelperText,
  HelperText,
  HelperTextItem,
  InputGroup,
  InputGroupItem,
  TextInput,
} from '@patternfly/react-core';
import { useState } from 'react';
import type { PodVisibility } from '../../../hooks/useGpuPods';
import { usePluginTranslation } from '../../../hooks/usePluginTranslation';
import type { UserNamespaces } from '../../../hooks/useUserNamespaces';

const NAMESPACE_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/**
 * Whose pods "used by your pods" counts, and a field to name the user's project when the console
 * has none active (plain Kubernetes lists no projects). Setting it sets the console's active
 * namespace.
 */
export const OwnPodsScope = ({
  visibility,
  user,
}: {
  visibility: Extract<PodVisibility, { scope: 'namespaces' }>;
  user: UserNamespaces;
}) => {
  const { t } = usePluginTranslation();
  const [typed, setTyped] = useState('');
  const trimmed = typed.trim();
  const invalid = trimmed !== '' && !NAMESPACE_NAME.test(trimmed);
  const unreadable = user.namespaces.filter((name) => !visibility.namespaces.includes(name));
  const submit = () => {
    if (trimmed && !invalid) user.setActiveNamespace(trimmed);
  };
  return (
    <Form
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <FormGroup label={t('Your project')} fieldId="gpu-partitioning-own-project">
        <InputGroup>
          <InputGroupItem isFill>
            <TextInput
              id="gpu-partitioning-own-project"
              value={typed}
              placeholder={user.activeNamespace ?? t('e.g. team-a')}
              onChange={(_event, value) => setTyped(value)}
              validated={invalid ? 'error' : 'default'}
            />
          </InputGroupItem>
          <InputGroupItem>
            <Button variant="secondary" type="submit" isDisabled={!trimmed || invalid}>
              {t('Count my pods there')}
            </Button>
          </InputGroupItem>
        </InputGroup>
        <FormHelperText>
          <HelperText>
            {invalid && (
              <HelperTextItem variant="error">
                {t('A project name is lower-case letters, digits and dashes.')}
              </HelperTextItem>
            )}
            <HelperTextItem>
              {visibility.namespaces.length > 0
                ? t('Used by your pods counts the pods in {{namespaces}}.', {
                    namespaces: visibility.namespaces.join(', '),
                  })
                : t('Name your project to count the slices your own pods use.')}
            </HelperTextItem>
            {unreadable.length > 0 && (
              <HelperTextItem variant="warning">
                {t('You may not read the pods of {{namespaces}} either.', {
                  namespaces: unreadable.join(', '),
                })}
              </HelperTextItem>
            )}
          </HelperText>
        </FormHelperText>
      </FormGroup>
    </Form>
  );
};
