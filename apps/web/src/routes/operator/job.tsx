import { JobScreen } from "../../features/execution/components/job/job-screen";

export function OperatorJobRoute() {
  return <JobScreen persona="operator" />;
}
