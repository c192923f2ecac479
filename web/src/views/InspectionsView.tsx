import { Show } from "solid-js";
import { Breadcrumbs } from "../components/Breadcrumbs";
import { AcceptanceForm, CorrectionForm } from "../components/inspections/InspectionForms";
import { InspectionSheet } from "../components/inspections/InspectionSheet";
import { AcceptanceTable, CorrectionTable, VerificationTable } from "../components/inspections/InspectionTables";
import { t } from "../i18n";
import { targetKinds } from "../live/figures";
import { atLeast } from "../roles";
import { pathOf } from "../router";
import { useApp } from "../store/context";
import { createInspectionStore } from "../store/inspections";
import { useProject } from "../store/project";

/** Inspection and acceptance: the inspection sheet (verified against counted on the day), corrections with who, when and why,
 * acceptances and the acceptance report. Leaders read; supervisors and administrators enter. */
export default function InspectionsView(props: { projectId: string }) {
  const app = useApp();
  const m = useProject(props.projectId);
  const store = createInspectionStore(props.projectId, app.session.writeHeaders);
  const canEdit = () => atLeast(m.role(), "supervisor");
  const form = () => ({ fonds: m.state().fonds, kinds: targetKinds(m.state().fonds), today: m.today() });
  return (
    <div class="view">
      <Breadcrumbs trail={[{ label: m.project()?.name ?? props.projectId, href: pathOf({ name: "project", projectId: props.projectId }) }, { label: t("inspections.title") }]} />
      <div class="view__head">
        <h1 class="view__title">{t("inspections.title")}</h1>
      </div>
      <Show when={store.error()}>
        <p class="notice notice--error" role="alert">
          {t("inspections.loadFailed")}
        </p>
      </Show>
      <Show when={!canEdit() && m.role() !== null}>
        <p class="notice">{t("inspections.readOnly")}</p>
      </Show>
      <Show when={canEdit() && m.state().fonds.length > 0}>
        <InspectionSheet {...form()} quantity={m.quantity} counted={store.counted} verify={store.verify} />
      </Show>
      <VerificationTable rows={store.verifications() ?? []} fondsName={m.alertContext.fondsName} quantity={m.quantity} />
      <Show when={canEdit() && m.state().fonds.length > 0}>
        <CorrectionForm {...form()} correct={store.correct} />
        <AcceptanceForm {...form()} accept={store.accept} />
      </Show>
      <CorrectionTable rows={store.corrections() ?? []} fondsName={m.alertContext.fondsName} quantity={m.quantity} />
      <Show when={store.acceptance()}>{(rows) => <AcceptanceTable rows={rows()} quantity={m.quantity} />}</Show>
    </div>
  );
}
