import { ProjectScreen } from "../../features/execution/components/project/project-screen";

export function SellerProjectRoute() {
  return <ProjectScreen persona="seller" />;
}
