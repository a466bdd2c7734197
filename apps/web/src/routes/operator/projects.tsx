import { ProjectListScreen } from "../../features/execution/components/project/project-list-screen";

export function OperatorProjectsRoute() {
  return <ProjectListScreen persona="operator" />;
}
