// A project's overview card made in the page from the project's own feed, for someone who may see the
// project but not its whole province (a role on one project): the same schema/project-card.ts the
// province feed's cards come from, so both read alike.
import { createMemo, type Accessor } from "solid-js";
import { projectCard, type ProjectCard } from "../../../schema/project-card";
import type { ConnectionStatus } from "../live/connection";
import { useProject } from "./project";

export function useProjectCard(projectId: string): { card: Accessor<ProjectCard | undefined>; connection: Accessor<ConnectionStatus> } {
  const m = useProject(projectId);
  const card = createMemo(() => {
    const s = m.state();
    // Made again when the day turns (plan-to-date moves), not on every tick of the clock.
    m.today();
    if (s.seq === null || !s.project) return undefined;
    return projectCard({ ...s, seq: s.seq, project: s.project }, s.alerts ?? [], Date.now());
  });
  return { card, connection: m.live.status };
}
