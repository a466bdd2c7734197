import { ProjectScreen } from "../../features/execution/components/project/project-screen";

export function OperatorProjectRoute() {
  return <ProjectScreen persona="operator" />;
}
