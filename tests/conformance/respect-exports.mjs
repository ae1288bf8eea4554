// Conformance of Brickrun's Arazzo export (docs/sharing-runs.md): presets of three shapes are
// imported into a real brickrun-cli (in a temp home), exported with
// `brickrun-cli presets export NAME --as arazzo`, and run whole by respect against the demo
// workspace with only the token given: the other inputs are the preset's values, as the
// workflow's defaults. Asserted from respect's JSON report (with its HAR log):
//  - every step passes, and every answer passes respect's OpenAPI checks;
//  - submitRun sends exactly the body `--as cli` prints (the body Brickrun sends, without the
//    idempotency token), and never the token anywhere but the Authorization header;
//  - pollRun loops until the run ends, getFinalRun reads it, fetchOutput asks for the task run;
//  - the workflow's outputs resolve to the run id, its result state, its notebook result or its
//    error: a probe step appended to a copy sends each output expression back as a header.
// Called by respect-conformance.mjs with its helpers; plain Node.js (ESM).

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const PARAMETERS = { date: '2026-11-26', quote: 'it\'s "quoted"', dollar: '$HOME {$inputs.token} $(id)' };

const PRESETS = [
    {
        name: 'echo params, it\'s quoted',
        expect: { resultState: 'SUCCESS', result: JSON.stringify(PARAMETERS) },
        preset: {
            version: 1, runName: 'share \'echo\' $USER', notebookPath: '/Shared/Demo/echo_params',
            clusterId: 'demo-cluster', taskKey: 'main', parameters: PARAMETERS, queueEnabled: true,
            timeoutSeconds: 0,
        },
    },
    {
        name: 'etl from git on serverless',
        expect: { resultState: 'SUCCESS' },
        preset: {
            version: 3, runName: 'etl', taskKey: 'etl', queueEnabled: true, timeoutSeconds: 0,
            taskKind: 'pythonFile', pythonFile: 'jobs/etl_job.py', arguments: ['--date', 'it\'s $HOME'],
            compute: { kind: 'serverless', environmentVersion: '2', dependencies: ['pandas==2.2.2'] },
            git: { git_url: 'https://github.com/brickrun-demo/analytics', git_provider: 'gitHub', git_branch: 'main' },
        },
    },
    {
        name: 'failing on a new job cluster',
        expect: { resultState: 'FAILED', error: true },
        preset: {
            version: 3, notebookPath: '/Shared/Demo/failing', taskKey: 'main', queueEnabled: false,
            timeoutSeconds: 600,
            compute: { kind: 'newJobCluster', sparkVersion: '15.4.x-scala2.12', nodeTypeId: 'Standard_DS3_v2', numWorkers: 2, photon: true },
        },
    },
];

// JSON text with every object's keys sorted: the same value, whichever order it was written in.
function canonical(value) {
    const sort = (v) => (Array.isArray(v) ? v.map(sort) : v && typeof v === 'object'
        ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sort(v[k])])) : v);
    return JSON.stringify(sort(value));
}

function cliEnvironment(home) {
    const env = { ...process.env, HOME: home, XDG_DATA_HOME: path.join(home, 'data'), XDG_CONFIG_HOME: path.join(home, 'config') };
    for (const name of ['DATABRICKS_HOST', 'DATABRICKS_TOKEN', 'DATABRICKS_CONFIG_FILE', 'DATABRICKS_CONFIG_PROFILE'])
        delete env[name];
    return env;
}

function cli(h, binary, env, args) {
    const result = spawnSync(binary, args, { env, encoding: 'utf8', timeout: 60000 });
    h.check(result.status === 0, `brickrun-cli ${args.join(' ')}: exit ${result.status}\n${result.stdout}${result.stderr}`);
    return result.stdout;
}

// The JSON of `databricks jobs submit --json '…'`, unquoted as a POSIX shell would.
function cliBody(h, text) {
    const m = /databricks jobs submit --json '([\s\S]*)'\n$/.exec(text);
    h.check(m, `--as cli printed no 'databricks jobs submit --json' command:\n${text}`);
    return JSON.parse(m[1].replaceAll('\'\\\'\'', '\''));
}

// A copy with a last step that sends each workflow output expression back as a header.
function withProbe(h, yaml) {
    const lines = yaml.split('\n');
    const at = lines.indexOf('  outputs:');
    h.check(at > 0, 'the exported workflow has no workflow-level outputs');
    const outputs = {};
    for (let i = at + 1; i < lines.length && lines[i].startsWith('    '); i++) {
        const m = /^ {4}(\w+): (\$steps\.\S+)$/.exec(lines[i]);
        h.check(m, `unexpected workflow output line: ${lines[i]}`);
        outputs[m[1]] = m[2];
    }
    const probe = ['  - stepId: probeOutputs', '    operationId: getJobRun', '    parameters:',
        '    - name: Authorization', '      in: header', '      value: Bearer $inputs.token',
        '    - name: run_id', '      in: query', '      value: $steps.submitRun.outputs.runId',
        ...Object.entries(outputs).flatMap(([name, expression]) => [
            `    - name: X-Out-${name}`, '      in: header', `      value: ${expression}`])];
    lines.splice(at, 0, ...probe);
    return { text: lines.join('\n'), outputs };
}

export async function exportedWorkflows(ctx, binary, h) {
    if (!binary || !fs.existsSync(binary)) h.fail(`brickrun-cli binary ${binary} does not exist (build the brickrun-cli target)`);
    const home = path.join(ctx.tmp, 'cli-home');
    fs.mkdirSync(home, { recursive: true });
    const env = cliEnvironment(home);
    const results = [];
    for (const [i, p] of PRESETS.entries()) {
        const file = path.join(ctx.tmp, `preset-${i}.json`);
        fs.writeFileSync(file, JSON.stringify({ format: 'brickrun-preset', name: p.name, ...p.preset }));
        cli(h, binary, env, ['presets', 'import', file]);
        const yaml = cli(h, binary, env, ['presets', 'export', p.name, '--as', 'arazzo']);
        const expectedBody = cliBody(h, cli(h, binary, env, ['presets', 'export', p.name, '--as', 'cli']));
        h.check(!yaml.includes('idempotency_token'), `${p.name}: the workflow holds an idempotency token`);
        const { text, outputs } = withProbe(h, yaml);
        h.check(['runId', 'resultState', 'error'].every((o) => o in outputs)
            && (p.preset.taskKind === 'pythonFile' ? 'logs' in outputs : 'notebookResult' in outputs),
        `${p.name}: workflow outputs ${Object.keys(outputs).join(', ')}`);

        const name = `export-${i}`;
        const run = await h.runRespect(ctx, name, h.writeWorkflow(ctx, name, text), ctx.emulator, { token: ctx.token });
        h.assertOpenApiChecks(run);
        const failures = run.steps.flatMap((s) => h.failedChecks(s).map((c) => `  ${h.describe(s)}: ${c.name}: ${c.message}`));
        h.check(run.code === 0 && run.status === 'success' && failures.length === 0,
            `${run.where}: the exported workflow should pass whole, exit ${run.code} status ${run.status}:\n${failures.join('\n')}\n${h.tail(run.output)}`);
        const runId = h.assertSubmitted(run);
        const polls = run.steps.filter((s) => s.stepId === 'pollRun');
        h.check(JSON.stringify(run.steps.map((s) => s.stepId))
            === JSON.stringify(['submitRun', ...polls.map(() => 'pollRun'), 'getFinalRun', 'fetchOutput', 'probeOutputs']),
        `${run.where}: executed steps ${run.steps.map((s) => s.stepId).join(' ')}`);
        h.check(polls.length >= 2, `${run.where}: the poll loop was never taken (${polls.length} pollRun)`);

        const sent = run.steps[0].request.body;
        h.check(canonical(sent) === canonical(expectedBody),
            `${run.where}: submitRun sent\n${canonical(sent)}\nbut --as cli prints\n${canonical(expectedBody)}`);
        h.check(!JSON.stringify(sent).includes(ctx.token), `${run.where}: the token went into the submitted body`);

        const [final, fetch, probe] = run.steps.slice(-3);
        const taskRunId = final.body.tasks[0].run_id;
        h.check(fetch.runId === String(taskRunId) && taskRunId !== runId,
            `${run.where}: fetchOutput asked for run ${fetch.runId}, the task run is ${taskRunId}`);
        h.check(final.body.state.result_state === p.expect.resultState,
            `${run.where}: final state ${JSON.stringify(final.body.state)}, expected ${p.expect.resultState}`);
        const out = (o) => String(probe.request.headers[`x-out-${o.toLowerCase()}`]);
        h.check(out('runId') === String(runId), `${run.where}: output runId ${out('runId')}, the run is ${runId}`);
        h.check(out('taskRunId') === String(taskRunId), `${run.where}: output taskRunId ${out('taskRunId')}`);
        h.check(out('resultState') === p.expect.resultState, `${run.where}: output resultState ${out('resultState')}`);
        if (p.expect.result !== undefined) {
            h.check(out('notebookResult') === fetch.body.notebook_output.result
                && canonical(JSON.parse(out('notebookResult'))) === canonical(JSON.parse(p.expect.result)),
            `${run.where}: output notebookResult ${out('notebookResult')}, expected ${p.expect.result}`);
        }
        h.check(p.expect.error ? out('error') === fetch.body.error && out('error').length > 0 : out('error') === 'undefined',
            `${run.where}: output error ${out('error')}, the answer's error ${fetch.body.error}`);
        results.push({ name: p.name, run, polls: polls.length, runId, taskRunId, resultState: p.expect.resultState });
    }
    return results;
}
