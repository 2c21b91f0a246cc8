import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import type { GroupDetail } from '../../../contract/groups';
import { createGroup, getGroup, updateGroup } from '../../api/groups';
import { ApiProblem } from '../../api/transport';
import { useMe } from '../../session';
import { useStoredState } from '../../stored-state';
import { Notice, SubmitButton } from '../../ui/fields';
import { Page } from '../../ui/Page';
import { ProblemSummary } from '../../ui/ProblemSummary';
import { RichText } from '../../ui/RichText';
import { NotFoundPage } from '../home/NotFoundPage';
import { useMyOrganisations } from './admin-data';
import { StepFields } from './GroupFormSteps';
import {
  asStep,
  checkStep,
  type Draft,
  draftFromGroup,
  type Errors,
  type FormStep,
  firstStepWith,
  focusFirstInvalid,
  formSteps,
  fromServer,
  newDraft,
  stepUpdate,
  wholeGroup,
} from './group-draft';
import { groupsKeys } from './queries';
// ---------------------------------------------------------------- create

export function NewGroupPage() {
  const { t } = useTranslation();
  const { orgId = '' } = useParams();
  const orgs = useMyOrganisations();
  const me = useMe();
  if (orgs.isPending || me.isPending) return <p role="status">{t('app.loading')}</p>;
  const org = orgs.data?.organisations.find((o) => o.id === orgId);
  if (!org) return <NotFoundPage />;
  return <NewGroupForm orgId={org.id} orgName={org.name} country={me.data?.user?.country} />;
}

function NewGroupForm({
  orgId,
  orgName,
  country,
}: {
  orgId: string;
  orgName: string;
  country: string | null | undefined;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [params, setParams] = useSearchParams();
  const step = asStep(params.get('step')) ?? 'about';
  const [draft, setDraft, clear] = useStoredState<Draft>(`group-new-${orgId}`, newDraft(country));
  const [errors, setErrors] = useState<Errors>({});
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const index = formSteps.indexOf(step);

  const make = useMutation({
    mutationFn: () => createGroup(orgId, wholeGroup(draft)),
    onMutate: () => setProblem(null),
    onSuccess: async (group) => {
      clear();
      client.setQueryData(['groups', 'detail', group.id], group);
      await client.invalidateQueries({ queryKey: groupsKeys.organisationGroups(orgId) });
      await client.invalidateQueries({ queryKey: groupsKeys.organisations });
      navigate(`/groups/${group.id}/edit`, { state: { notice: 'made' } });
    },
    onError: (e) => {
      const p = e instanceof ApiProblem ? e : new ApiProblem(0, String(e));
      setProblem(p);
      const found = fromServer(p.errors);
      setErrors(found);
      const where = firstStepWith(found);
      if (where && where !== step) setParams({ step: where });
      focusFirstInvalid();
    },
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    const found = checkStep(step, draft);
    setErrors(found);
    if (Object.keys(found).length) {
      focusFirstInvalid();
      return;
    }
    const next = formSteps[index + 1];
    if (next) setParams({ step: next });
    else make.mutate();
  }

  return (
    <Page title={t('groups.admin.newGroupTitle', { name: orgName })}>
      <StepHeader step={step} />
      <ProblemSummary problem={problem} />
      {Object.keys(errors).length > 0 && !problem && (
        <Notice kind="problem">{t('groups.admin.fixFirst')}</Notice>
      )}
      <Form className="form" onSubmit={submit}>
        <StepFields step={step} draft={draft} setDraft={setDraft} errors={errors} isNew />
        <div className="actions">
          <SubmitButton busy={make.isPending}>
            {index === formSteps.length - 1 ? t('groups.admin.make') : t('groups.admin.next')}
          </SubmitButton>
          {index > 0 && (
            <Link to={`?step=${formSteps[index - 1]}`} className="button">
              {t('groups.admin.back')}
            </Link>
          )}
        </div>
        {make.isPending && <p role="status">{t('groups.admin.making')}</p>}
      </Form>
      <p>
        <Link to={`/groups/organisations/${orgId}`} className="button button-quiet">
          {orgName}
        </Link>
      </p>
    </Page>
  );
}

function StepHeader({ step }: { step: FormStep }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="group-step">
        {t('groups.admin.stepOf', {
          n: formSteps.indexOf(step) + 1,
          total: formSteps.length,
          name: t(`groups.admin.steps.${step}`),
        })}
      </p>
      <p>{t('groups.admin.stepSaved')}</p>
    </>
  );
}

// ---------------------------------------------------------------- change

export function EditGroupPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const group = useQuery({
    queryKey: groupsKeys.detail(id),
    queryFn: () => getGroup(id),
    retry: false,
  });
  if (group.isPending) return <p role="status">{t('app.loading')}</p>;
  if (group.isError || !group.data || !group.data.me.canEdit) return <NotFoundPage />;
  return <EditGroupForm group={group.data} />;
}

function EditGroupForm({ group }: { group: GroupDetail }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const step = asStep(params.get('step'));
  const [draft, setDraft] = useStoredState<Draft>(`group-edit-${group.id}`, draftFromGroup(group));
  const [errors, setErrors] = useState<Errors>({});
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const notice = (location.state as { notice?: string } | null)?.notice;

  const save = useMutation({
    mutationFn: (which: FormStep) => updateGroup(group.id, stepUpdate(which, draft)),
    onMutate: () => setProblem(null),
    onSuccess: async (saved) => {
      client.setQueryData(groupsKeys.detail(group.id), saved);
      setDraft(draftFromGroup(saved));
      await client.invalidateQueries({
        queryKey: groupsKeys.organisationGroups(saved.organisation.id),
      });
      navigate(`/groups/${group.id}/edit`, { state: { notice: 'saved' } });
    },
    onError: (e) => {
      const p = e instanceof ApiProblem ? e : new ApiProblem(0, String(e));
      setProblem(p);
      setErrors(fromServer(p.errors));
      focusFirstInvalid();
    },
  });

  if (!step) {
    return (
      <Page title={t('groups.admin.editGroupTitle', { name: group.name })}>
        {notice === 'made' && <Notice kind="ok">{t('groups.admin.made')}</Notice>}
        {notice === 'saved' && <Notice kind="ok">{t('groups.admin.saved')}</Notice>}
        <Overview group={group} />
      </Page>
    );
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!step) return;
    const found = checkStep(step, draft);
    setErrors(found);
    if (Object.keys(found).length) {
      focusFirstInvalid();
      return;
    }
    save.mutate(step);
  }

  return (
    <Page title={t('groups.admin.editGroupTitle', { name: group.name })}>
      <StepHeader step={step} />
      <ProblemSummary problem={problem} />
      {Object.keys(errors).length > 0 && !problem && (
        <Notice kind="problem">{t('groups.admin.fixFirst')}</Notice>
      )}
      {step === 'when' && (
        <p>
          <RichText text={t('groups.admin.meetsNow', { text: group.rhythmText })} />
        </p>
      )}
      <Form className="form" onSubmit={submit}>
        <StepFields step={step} draft={draft} setDraft={setDraft} errors={errors} />
        <div className="actions">
          <SubmitButton busy={save.isPending}>{t('groups.admin.save')}</SubmitButton>
          <Link to={`/groups/${group.id}/edit`} className="button">
            {t('groups.admin.back')}
          </Link>
        </div>
      </Form>
    </Page>
  );
}

/** The group as it is saved now, a part at a time, each with its own "Change" link. */
function Overview({ group: g }: { group: GroupDetail }) {
  const { t } = useTranslation();
  const list = (items: string[]) => items.join(', ');
  const parts: Record<FormStep, string[]> = {
    about: [g.name, g.description],
    who: [
      g.focus.length
        ? t('groups.page.focus', { list: list(g.focus.map((f) => t(`groups.focuses.${f}`))) })
        : '',
      t('groups.page.languages', {
        list: list(g.languages.map((l) => t(`groups.languages.${l}`))),
      }),
      t('groups.page.size', { cap: g.sizeCap, count: g.memberCount }),
      t(`groups.joinPolicies.${g.joinPolicy}`),
      t(`groups.admin.fields.privacies.${g.privacy}`),
      g.caregiversOnly ? t('groups.caregiversOnly') : '',
    ].filter(Boolean),
    when: g.rhythmText ? [g.rhythmText] : [],
    where: [
      t(`groups.formats.${g.format}`),
      g.venue ? `${g.venue.name}, ${g.venue.address}, ${g.venue.town}` : '',
      g.venue?.access.length ? list(g.venue.access.map((a) => t(`groups.access.${a}`))) : '',
      g.meetingLink ?? '',
    ].filter(Boolean),
  };
  return (
    <>
      <p>{t('groups.admin.overviewIntro')}</p>
      {formSteps.map((step) => (
        <section key={step} className="section" aria-labelledby={`part-${step}`}>
          <h2 id={`part-${step}`}>{t(`groups.admin.steps.${step}`)}</h2>
          {step === 'when' ? (
            <p>
              <RichText text={t('groups.admin.meetsNow', { text: g.rhythmText })} />
            </p>
          ) : (
            <ul className="group-facts">
              {parts[step].map((line) => (
                <li key={line} className="group-link-text">
                  {line}
                </li>
              ))}
            </ul>
          )}
          <Link to={`?step=${step}`} className="button">
            {t('groups.admin.change', { step: t(`groups.admin.steps.${step}`) })}
          </Link>
        </section>
      ))}
      <div className="actions">
        <Link to={`/groups/${g.id}`} className="button button-primary">
          {t('groups.admin.openGroup')}
        </Link>
        <Link to={`/groups/organisations/${g.organisation.id}`} className="button">
          {g.organisation.name}
        </Link>
      </div>
    </>
  );
}
