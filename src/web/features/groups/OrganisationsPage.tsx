import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Organisation } from '../../../contract/groups';
import { type OrganisationKind, organisationKinds } from '../../../contract/groups-values';
import { addOrganisationAdmin, createOrganisation } from '../../api/groups';
import { useMe } from '../../session';
import { useStoredState } from '../../stored-state';
import { Choice, Notice, SubmitButton, TextInput } from '../../ui/fields';
import { Instructions } from '../../ui/Instructions';
import { Page } from '../../ui/Page';
import { ProblemSummary } from '../../ui/ProblemSummary';
import { useFormProblem } from '../../ui/useFormProblem';
import { NotFoundPage } from '../home/NotFoundPage';
import { memberIdFrom, useMyOrganisations, useOrganisationGroups } from './admin-data';
import { groupsKeys } from './queries';

const isSiteAdmin = (role: string | undefined) => role === 'admin';

/** "My organisations": the organisations I run; a site admin also makes new ones here. */
export function OrganisationsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const orgs = useMyOrganisations();
  if (me.isPending || (me.data?.user && orgs.isPending)) {
    return <p role="status">{t('app.loading')}</p>;
  }
  if (!me.data?.user) return <NotFoundPage />;
  const list = orgs.data?.organisations ?? [];
  return (
    <Page title={t('groups.admin.orgsTitle')}>
      <Instructions
        lines={[list.length ? t('groups.admin.orgsIntro') : t('groups.admin.orgsNone')]}
      />
      <ul className="group-list">
        {list.map((o) => (
          <li key={o.id} className="group-card" aria-labelledby={`org-${o.id}`}>
            <h2 id={`org-${o.id}`} className="group-card-title">
              {o.name}
            </h2>
            <p className="group-card-org">{t(`groups.admin.orgKinds.${o.kind}`)}</p>
            <AdminsLine org={o} />
            <Link
              to={`/groups/organisations/${o.id}`}
              className="button"
              aria-describedby={`org-${o.id}`}
            >
              {t('groups.admin.orgOpen', { name: o.name })}
            </Link>
          </li>
        ))}
      </ul>
      {isSiteAdmin(me.data.user.siteRole) && <NewOrganisation />}
    </Page>
  );
}

function AdminsLine({ org }: { org: Organisation }) {
  const { t } = useTranslation();
  return (
    <p>
      {org.admins.length
        ? t('groups.admin.orgAdmins', { list: org.admins.map((a) => a.displayName).join(', ') })
        : t('groups.admin.orgAdminsNone')}
    </p>
  );
}

/** Site admins: make an organisation and name who runs it, by the link to each profile. */
function NewOrganisation() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const problem = useFormProblem();
  const [form, setForm, clear] = useStoredState('new-organisation', {
    name: '',
    kind: 'charity' as OrganisationKind,
    admins: '',
  });
  const [adminsError, setAdminsError] = useState<string | undefined>();
  const [made, setMade] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: (adminUserIds: string[]) =>
      createOrganisation({ name: form.name.trim(), kind: form.kind, adminUserIds }),
    onMutate: () => problem.clear(),
    onSuccess: async (org) => {
      setMade(t('groups.admin.orgMade', { name: org.name }));
      clear();
      setForm({ name: '', kind: 'charity', admins: '' });
      await client.invalidateQueries({ queryKey: groupsKeys.organisations });
    },
    onError: (e) => problem.capture(e),
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    setMade(null);
    const lines = form.admins
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    const bad = lines.find((l) => !memberIdFrom(l));
    if (bad) {
      setAdminsError(t('groups.admin.orgAdminIdsBad', { line: bad }));
      return;
    }
    setAdminsError(undefined);
    create.mutate([...new Set(lines.map((l) => memberIdFrom(l)!))]);
  }

  const serverAdmins = Object.entries(problem.problem?.errors ?? {}).find(([k]) =>
    k.startsWith('adminUserIds'),
  )?.[1];
  return (
    <section aria-labelledby="new-org-title" className="section group-manage">
      <h2 id="new-org-title">{t('groups.admin.newOrgTitle')}</h2>
      <p>{t('groups.admin.newOrgIntro')}</p>
      {made && <Notice kind="ok">{made}</Notice>}
      <ProblemSummary problem={problem.problem} />
      <Form className="form" onSubmit={submit}>
        <TextInput
          name="orgName"
          label={t('groups.admin.orgName')}
          value={form.name}
          onChange={(name) => setForm((f) => ({ ...f, name }))}
          error={problem.fieldError('name')}
          required
        />
        <Choice
          name="orgKind"
          label={t('groups.admin.orgKind')}
          value={form.kind}
          options={organisationKinds.map((k) => ({
            value: k,
            label: t(`groups.admin.orgKinds.${k}`),
          }))}
          onChange={(kind) => setForm((f) => ({ ...f, kind }))}
          error={problem.fieldError('kind')}
        />
        <TextInput
          name="orgAdmins"
          multiline
          label={t('groups.admin.orgAdminIds')}
          description={t('groups.admin.orgAdminIdsHelp')}
          value={form.admins}
          onChange={(admins) => setForm((f) => ({ ...f, admins }))}
          error={adminsError ?? serverAdmins}
        />
        <SubmitButton busy={create.isPending}>{t('groups.admin.orgMake')}</SubmitButton>
      </Form>
    </section>
  );
}

/** One organisation: its groups, "Add a group", and (site admins) who runs it. */
export function OrganisationPage() {
  const { t } = useTranslation();
  const { orgId = '' } = useParams();
  const me = useMe();
  const orgs = useMyOrganisations();
  const groups = useOrganisationGroups(orgId);
  if (me.isPending || orgs.isPending) return <p role="status">{t('app.loading')}</p>;
  const org = orgs.data?.organisations.find((o) => o.id === orgId);
  if (!org) return <NotFoundPage />;
  return (
    <Page title={org.name}>
      <p className="group-card-org">{t(`groups.admin.orgKinds.${org.kind}`)}</p>
      <AdminsLine org={org} />
      <div className="actions">
        <Link to={`/groups/organisations/${org.id}/new`} className="button button-primary">
          {t('groups.admin.addGroup')}
        </Link>
        <Link to={`/organisations/${org.id}/plan`} className="button">
          {t('gatherings.plan.link')}
        </Link>
      </div>
      <section aria-labelledby="org-groups-title" className="section" aria-busy={groups.isPending}>
        <h2 id="org-groups-title">{t('groups.admin.orgGroups')}</h2>
        {groups.isPending && <p role="status">{t('groups.admin.orgGroupsLoading')}</p>}
        {groups.isError && <Notice kind="problem">{groups.error.message}</Notice>}
        {groups.data?.length === 0 && <p>{t('groups.admin.orgGroupsNone')}</p>}
        <ul className="group-list">
          {groups.data?.map((g) => (
            <li key={g.id} className="group-card" aria-labelledby={`group-${g.id}`}>
              <h3 id={`group-${g.id}`} className="group-card-title">
                {g.name}
              </h3>
              <p>
                <strong>{t(`groups.formats.${g.format}`)}</strong>
                {g.town ? `. ${g.town}` : ''}
              </p>
              <p>{g.rhythmText}</p>
              <p>{t('groups.page.size', { cap: g.sizeCap, count: g.memberCount })}</p>
              <div className="actions">
                <Link to={`/groups/${g.id}`} className="button" aria-describedby={`group-${g.id}`}>
                  {t('groups.open')}
                </Link>
                <Link to={`/groups/${g.id}/edit`} className="button">
                  {t('groups.admin.changeGroup', { name: g.name })}
                </Link>
              </div>
            </li>
          ))}
        </ul>
      </section>
      {isSiteAdmin(me.data?.user?.siteRole) && <AddAdmin org={org} />}
      <p>
        <Link to="/groups/organisations" className="button button-quiet">
          {t('groups.admin.backToOrgs')}
        </Link>
      </p>
    </Page>
  );
}

function AddAdmin({ org }: { org: Organisation }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const problem = useFormProblem();
  const [text, setText] = useStoredState(`org-admin-${org.id}`, { link: '' });
  const [error, setError] = useState<string | undefined>();
  const [done, setDone] = useState<string | null>(null);
  const add = useMutation({
    mutationFn: (person: { userId: string } | { email: string }) =>
      addOrganisationAdmin(org.id, person),
    onMutate: () => problem.clear(),
    onSuccess: async (updated) => {
      const before = new Set(org.admins.map((a) => a.id));
      const who = updated.admins.find((a) => !before.has(a.id))?.displayName ?? '';
      setDone(t('groups.admin.addAdminDone', { name: who }));
      setText({ link: '' });
      await client.invalidateQueries({ queryKey: groupsKeys.organisations });
    },
    onError: (e) => problem.capture(e),
  });
  return (
    <section aria-labelledby="add-admin-title" className="section group-manage">
      <h2 id="add-admin-title">{t('groups.admin.addAdminTitle')}</h2>
      {done && <Notice kind="ok">{done}</Notice>}
      <ProblemSummary problem={problem.problem} />
      <Form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          setDone(null);
          const typed = text.link.trim();
          const id = memberIdFrom(typed);
          if (!typed.includes('@') && !id) {
            setError(t('groups.admin.addAdminBad'));
            return;
          }
          setError(undefined);
          add.mutate(typed.includes('@') ? { email: typed } : { userId: id! });
        }}
      >
        <TextInput
          name="adminLink"
          label={t('groups.admin.addAdmin')}
          description={t('groups.admin.addAdminHelp')}
          value={text.link}
          onChange={(link) => setText({ link })}
          error={error ?? problem.fieldError('email') ?? problem.fieldError('userId')}
          required
        />
        <SubmitButton busy={add.isPending}>{t('groups.admin.addAdminSend')}</SubmitButton>
      </Form>
    </section>
  );
}
