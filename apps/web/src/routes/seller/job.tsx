import { JobScreen } from "../../features/execution/components/job/job-screen";

export function SellerJobRoute() {
  return <JobScreen persona="seller" />;
}
