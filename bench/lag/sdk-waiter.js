// SPDX-License-Identifier: Apache-2.0
// The official Databricks JS SDK's waiter, for bench_lag: submits one run per notebook with
// w.jobs.submit() and waits for each with its own waiter (.wait()), all at once.
//   node sdk-waiter.js HOST SPEED NOTEBOOK...   (token: DATABRICKS_TOKEN; cluster: demo-cluster)
// The waiter's code is the SDK's own (dist/apis/jobs/api.js: retry() around runs/get, sleeping
// ExponetionalBackoffWithJitterRetryPolicy.waitTime(attempt) = min(attempt s + 50–750 ms, 10 s)
// between attempts). The one change: on a demo workspace running SPEED times faster than real
// time, each sleep is divided by SPEED, so that the waiter sleeps as long in simulated time as
// it would on the service. Prints one JSON line per run: {"notebook", "run_id", "state"}.
"use strict";
const sdk = require("@databricks/sdk-experimental");

const [host, speedText, ...notebooks] = process.argv.slice(2);
const speed = Number(speedText);
if (!host || !(speed > 0) || notebooks.length === 0) {
    console.error("usage: node sdk-waiter.js HOST SPEED NOTEBOOK...");
    process.exit(2);
}

const Policy = sdk.retries.ExponetionalBackoffWithJitterRetryPolicy;
const waitTime = Policy.prototype.waitTime;
Policy.prototype.waitTime = function (attempt) {
    const real = waitTime.call(this, attempt).toMillSeconds().value;
    return new sdk.Time(real / speed, sdk.TimeUnits.milliseconds);
};

async function main() {
    const w = new sdk.WorkspaceClient({
        host,
        token: process.env.DATABRICKS_TOKEN,
        authType: "pat",
    });
    let failed = 0;
    await Promise.all(
        notebooks.map(async (notebook) => {
            try {
                const waiter = await w.jobs.submit({
                    run_name: "bench_lag",
                    tasks: [
                        {
                            task_key: "main",
                            existing_cluster_id: "demo-cluster",
                            notebook_task: {notebook_path: notebook},
                        },
                    ],
                });
                const run = await waiter.wait({
                    timeout: new sdk.Time(6, sdk.TimeUnits.hours),
                });
                console.log(
                    JSON.stringify({
                        notebook,
                        run_id: run.run_id,
                        state: run.state.life_cycle_state,
                    })
                );
            } catch (e) {
                failed++;
                console.error(`${notebook}: ${e.message || e}`);
            }
        })
    );
    process.exit(failed ? 1 : 0);
}

main();
