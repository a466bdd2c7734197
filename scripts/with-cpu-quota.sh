#!/usr/bin/env bash
# Runs a command with it, PostgreSQL and Redis confined together to QUOTA_US microseconds of CPU per 10 ms period
# (default 10000: one CPU's worth for all of them), to see how a benchmark behaves on a slower machine. Needs root and
# the cgroup v1 cpu controller at /sys/fs/cgroup/cpu; moves the services back to the root group afterwards.
# Example: QUOTA_US=6000 BENCH_SCENARIOS=steady scripts/with-cpu-quota.sh pnpm bench:timers
set -u
group=/sys/fs/cgroup/cpu/atende-quota
mkdir -p "$group"
echo 10000 > "$group/cpu.cfs_period_us"
echo "${QUOTA_US:-10000}" > "$group/cpu.cfs_quota_us"
for pid in $(pgrep -f postgres) $(pgrep redis-server); do
  for task in /proc/"$pid"/task/*; do echo "${task##*/}" > "$group/tasks" 2>/dev/null; done
done
echo $$ > "$group/tasks"
"$@"
status=$?
for task in $(cat "$group/tasks"); do echo "$task" > /sys/fs/cgroup/cpu/tasks 2>/dev/null; done
exit $status
