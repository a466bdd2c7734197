import { ProjectListScreen } from "../../features/execution/components/project/project-list-screen";

export function SellerProjectsRoute() {
  return <ProjectListScreen persona="seller" />;
}
