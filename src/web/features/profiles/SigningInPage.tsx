import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { askForEmailLink, changePassword, deletePassword } from '../../api/accounts';
import { ApiProblem } from '../../api/transport';
import { meKey } from '../../session';
import { Notice, SendProblem, SubmitButton, TextInput } from '../../ui/fields';
import { Instructions } from '../../ui/Instructions';
import { ProblemSummary } from '../../ui/ProblemSummary';
import { useFormProblem } from '../../ui/useFormProblem';
import { MeSection } from './MeSection';
import { useSignOut } from './useSignOut';

/** "Sign-in and password": an optional password (needs recent proof) and signing out everywhere. */
export function SigningInPage() {
  return (
    <MeSection section="signIn">
      {({ user }) => (
        <>
          <PasswordForm email={user.email} hasPassword={user.hasPassword} />
          <SignOutEverywhere userId={user.id} />
        </>
      )}
    </MeSection>
  );
}

function PasswordForm({ email, hasPassword }: { email: string; hasPassword: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [password, setPassword] = useState('');
  const [currentPassword, setCurrentPassword] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  // Without a password, the only proof is a fresh email sign-in: offer to send one.
  const [needsEmailProof, setNeedsEmailProof] = useState(false);
  const problem = useFormProblem();

  async function savePassword() {
    problem.clear();
    setMessage(null);
    try {
      await changePassword({
        password,
        ...(hasPassword && currentPassword ? { currentPassword } : {}),
      });
      setPassword('');
      setCurrentPassword('');
      setNeedsEmailProof(false);
      setMessage(t('me.passwordSaved'));
      await client.invalidateQueries({ queryKey: meKey });
    } catch (error) {
      problem.capture(error);
      if (error instanceof ApiProblem && error.status === 403 && !hasPassword) {
        setNeedsEmailProof(true);
      }
    }
  }

  async function sendProofLink() {
    problem.clear();
    try {
      await askForEmailLink(email);
      setNeedsEmailProof(false);
      setMessage(t('me.proofLinkSent'));
    } catch (error) {
      problem.capture(error);
    }
  }

  async function removePassword() {
    problem.clear();
    try {
      await deletePassword();
      setMessage(t('me.passwordRemoved'));
      await client.invalidateQueries({ queryKey: meKey });
    } catch (error) {
      problem.capture(error);
    }
  }

  return (
    <>
      <p>{t('me.email', { email })}</p>
      <Instructions lines={[t('me.passwordIntro')]} />
      {hasPassword && <p>{t('me.hasPassword')}</p>}
      <ProblemSummary problem={problem.problem} />
      <Form
        className="form"
        validationBehavior="aria"
        onSubmit={(e) => {
          e.preventDefault();
          void savePassword();
        }}
      >
        {/* A hidden username lets password managers save the right pair. */}
        <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
        {hasPassword && (
          <TextInput
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            label={t('me.currentPassword')}
            description={t('me.currentPasswordHelp')}
            value={currentPassword}
            onChange={setCurrentPassword}
            error={problem.fieldError('currentPassword')}
          />
        )}
        <TextInput
          name="password"
          type="password"
          autoComplete="new-password"
          label={t('me.newPassword')}
          description={t('me.newPasswordHelp')}
          value={password}
          onChange={setPassword}
          error={problem.fieldError('password')}
        />
        <SubmitButton>{t('me.setPassword')}</SubmitButton>
      </Form>
      {needsEmailProof && (
        <div className="actions">
          <p>{t('me.proofIntro')}</p>
          <Button className="button button-primary" onPress={() => void sendProofLink()}>
            {t('me.sendProofLink')}
          </Button>
        </div>
      )}
      {message && <Notice kind="ok">{message}</Notice>}
      {hasPassword && (
        <div className="actions">
          <Button className="button" onPress={() => void removePassword()}>
            {t('me.removePassword')}
          </Button>
        </div>
      )}
    </>
  );
}

function SignOutEverywhere({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const { signOut, problem } = useSignOut(userId);
  return (
    <section aria-labelledby="sign-out-everywhere" className="section me-sign-out">
      <h2 id="sign-out-everywhere">{t('me.signOutEverywhereTitle')}</h2>
      <p>{t('me.signOutEverywhereHelp')}</p>
      <Button className="button button-quiet" onPress={() => void signOut(true)}>
        {t('me.signOutEverywhere')}
      </Button>
      {problem && <SendProblem attempt={problem.at}>{problem.text}</SendProblem>}
    </section>
  );
}
