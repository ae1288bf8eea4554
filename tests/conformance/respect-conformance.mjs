#!/usr/bin/env node
// Conformance test: Redocly respect (the pinned @redocly/cli) runs the seed Arazzo workflow
// against brickrun-emulator. Every answer the emulator gives must pass respect's OpenAPI checks
// (status code, content type, schema); the seed must fail exactly where it is wrong for the live
// service (defects (a)-(d), docs/conformance.md); the corrected copy in tests/data/ must pass
// whole, polling through several run states.
//
//   node respect-conformance.mjs [--install-script tools/install-respect.sh]
//        [--cli BRICKRUN_CLI] EMULATOR_BINARY NODE_MODULES_DIR SEED_DIR
//
// With --cli, Brickrun's own Arazzo exports of three presets run too (respect-exports.mjs).
//
// Exit codes: 0 pass, 1 fail, 77 skip (reason on stderr): no seed dir, a node that
// @redocly/cli does not support, @redocly/cli not installed (a failure when CI=true).
// Plain Node.js (ESM), no dependencies beyond @redocly/cli itself.

import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { exportedWorkflows } from './respect-exports.mjs';

const SKIP = 77;
const HERE = path.dirname(fileURLToPath(import.meta.url));
const PROJECT_DIR = path.resolve(HERE, '..', '..');
const CORRECTED_WORKFLOW = path.join(PROJECT_DIR, 'tests', 'data', 'submit-one-time-run-corrected.arazzo.yml');
const SEED_WORKFLOW = path.join('arazzo', 'azure-databricks-submit-one-time-run-workflow.yml');
const SEED_OPENAPI = path.join('openapi', 'azure-databricks-openapi.yml');
const SEED_OPENAPI_REF = '../openapi/azure-databricks-openapi.yml';
const SOURCE_NAME = 'azureDatabricksApi';

// Emulator speed and respect's step budget. A goto loop polls back to back (about 30-50 ms a
// poll on an idle machine, a second or more on a busy one under the sanitizers); at speed 2
// the demo notebook's ~8 simulated seconds take ~4 real seconds, so the corrected run makes
// tens of polls (several hundred on a very fast machine), below the budget, and at least two
// (the loop taken once) even on a very slow one.
const EMULATOR_SPEED = 2;
// A second emulator for the seed as it is, so fast (1 real ms = 100 simulated s) that a run is
// over before respect's first poll, a few real ms after the submit answered.
const FAST_SPEED = 100000;
const MAX_STEPS = 2000;
const TERMINAL = new Set(['TERMINATED', 'SKIPPED', 'INTERNAL_ERROR']);
const STATE_ORDER = ['QUEUED', 'PENDING', 'RUNNING', 'TERMINATING', 'TERMINATED'];
const OPENAPI_CHECKS = ['status code check', 'content-type check', 'schema check'];
const WORKFLOW_INPUTS = {
    runName: 'brickrun-conformance',
    taskKey: 'main',
    notebookPath: '/Shared/Demo/hello',
    existingClusterId: 'demo-cluster',
};

class Skip extends Error {}
class Failure extends Error {}

function skip(reason) { throw new Skip(reason); }
function fail(message) { throw new Failure(message); }
function check(condition, message) { if (!condition) fail(message); }

// --- arguments and preconditions ------------------------------------------------------------

function parseArgs(argv) {
    const args = { installScript: null, cli: null, positional: [] };
    for (let i = 0; i < argv.length; i++) {
        if (argv[i] === '--install-script') args.installScript = argv[++i];
        else if (argv[i] === '--cli') args.cli = path.resolve(argv[++i]);
        else args.positional.push(argv[i]);
    }
    if (args.positional.length !== 3) {
        console.error('usage: respect-conformance.mjs [--install-script SCRIPT] [--cli BRICKRUN_CLI] EMULATOR_BINARY NODE_MODULES_DIR SEED_DIR');
        process.exit(2);
    }
    const [emulator, nodeModules, seedDir] = args.positional.map((p) => path.resolve(p));
    return { ...args, emulator, nodeModules, seedDir };
}

function readJson(file) { return JSON.parse(fs.readFileSync(file, 'utf8')); }

// Enough of semver ranges for an "engines" field: "A || B" of space-separated >=, >, <=, <, =.
function satisfies(version, range) {
    const parse = (v) => v.replace(/^v/, '').split('.').map((n) => parseInt(n, 10) || 0);
    const cmp = (a, b) => { for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] - b[i]; return 0; };
    const have = parse(version);
    return range.split('||').some((alternative) => alternative.trim().split(/\s+/).every((term) => {
        const m = /^(>=|<=|>|<|=)?\s*v?([\d.]+)$/.exec(term);
        if (!m) return false;
        const c = cmp(have, parse(m[2]));
        return { '>=': c >= 0, '<=': c <= 0, '>': c > 0, '<': c < 0, '=': c === 0 }[m[1] || '='];
    }));
}

function checkSeed(seedDir) {
    if (!fs.existsSync(seedDir))
        skip(`seed directory ${seedDir} does not exist (it comes from the project's shared/ folder, which clones of the repository do not have)`);
    for (const rel of [SEED_WORKFLOW, SEED_OPENAPI])
        if (!fs.existsSync(path.join(seedDir, rel)))
            skip(`seed file ${path.join(seedDir, rel)} does not exist`);
}

function checkNode(manifest) {
    const range = manifest.engines && manifest.engines.node;
    if (range && !satisfies(process.versions.node, range))
        skip(`node ${process.versions.node} is not supported by @redocly/cli (engines: node ${range})`);
}

function run(command, args, options = {}) {
    return new Promise((resolve) => {
        const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
        let output = '';
        child.stdout.on('data', (d) => { output += d; });
        child.stderr.on('data', (d) => { output += d; });
        child.on('error', (e) => resolve({ code: -1, output: output + String(e) }));
        child.on('close', (code, signal) => resolve({ code: code ?? 128, signal, output }));
    });
}

async function checkRespect(args, pinned) {
    const ci = process.env.CI === 'true';
    const missing = (reason) => (ci ? fail(`${reason} (CI=true: the conformance test must run)`) : skip(reason));
    if (args.installScript) {
        const result = await run('bash', [args.installScript, path.dirname(args.nodeModules)]);
        if (result.code !== 0)
            missing(`could not install @redocly/cli ${pinned} with ${args.installScript}:\n${result.output.trim()}`);
    }
    const cliManifest = path.join(args.nodeModules, '@redocly', 'cli', 'package.json');
    if (!fs.existsSync(cliManifest))
        missing(`@redocly/cli is not installed in ${args.nodeModules} (run tools/install-respect.sh ${path.dirname(args.nodeModules)})`);
    const installed = readJson(cliManifest);
    if (installed.version !== pinned)
        missing(`@redocly/cli ${installed.version} is installed in ${args.nodeModules}, the test pins ${pinned} (run tools/install-respect.sh ${path.dirname(args.nodeModules)})`);
    checkNode(installed);
    return path.join(args.nodeModules, '@redocly', 'cli', installed.bin.redocly || 'bin/cli.js');
}

// --- the emulator ---------------------------------------------------------------------------

// --shapes published: only what the published description declares (the default, live, also
// sends what the live service sends besides, which unevaluatedProperties: false refuses).
function startEmulator(binary, token, speed) {
    if (!fs.existsSync(binary)) fail(`emulator binary ${binary} does not exist (build the brickrun-emulator target)`);
    return new Promise((resolve, reject) => {
        const child = spawn(binary, ['--port', '0', '--speed', String(speed), '--shapes', 'published'], {
            stdio: ['ignore', 'pipe', 'pipe'],
            env: { ...process.env, BRICKRUN_EMULATOR_TOKEN: token },
        });
        const emulator = { child, url: null, log: '', exited: false };
        let stdout = '';
        const timer = setTimeout(() => reject(new Failure(`emulator printed no base URL within 15 s; output:\n${emulator.log}`)), 15000);
        child.stderr.on('data', (d) => { emulator.log += d; });
        child.stdout.on('data', (d) => {
            if (emulator.url) { emulator.log += d; return; }
            stdout += d;
            const newline = stdout.indexOf('\n');
            if (newline < 0) return;
            const first = stdout.slice(0, newline).trim();
            emulator.log += stdout.slice(newline + 1);
            clearTimeout(timer);
            if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(first))
                return reject(new Failure(`emulator's first stdout line is not its base URL (http://127.0.0.1:PORT): ${JSON.stringify(first)}`));
            emulator.url = first;
            resolve(emulator);
        });
        child.on('error', (e) => { clearTimeout(timer); reject(new Failure(`cannot start emulator ${binary}: ${e.message}`)); });
        child.on('exit', (code, signal) => {
            emulator.exited = true;
            clearTimeout(timer);
            if (!emulator.url) reject(new Failure(`emulator exited (${signal || code}) before printing its URL; output:\n${emulator.log}`));
        });
        emulators.push(emulator);
    });
}

const emulators = [];

async function stopEmulators() {
    await Promise.all(emulators.map((e) => new Promise((resolve) => {
        if (e.exited || e.child.exitCode !== null) return resolve();
        const timer = setTimeout(() => { e.child.kill('SIGKILL'); }, 5000);
        e.child.once('exit', () => { clearTimeout(timer); resolve(); });
        e.child.kill('SIGTERM');
    })));
}

// Last resort when the test itself is killed (ctest timeout) or crashes: never leave it running.
process.on('exit', () => { for (const e of emulators) if (!e.exited) e.child.kill('SIGKILL'); });
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'])
    process.on(signal, () => { stopEmulators().finally(() => process.exit(1)); });

// --- respect and its reports ----------------------------------------------------------------

async function runRespect(ctx, name, workflowFile, emulator, workflowInputs = undefined) {
    const json = path.join(ctx.tmp, `${name}.report.json`);
    const har = path.join(ctx.tmp, `${name}.har`);
    const inputs = workflowInputs || { token: ctx.token, ...WORKFLOW_INPUTS };
    const started = Date.now();
    // --input name=value cuts the value at a second '=', so all inputs go as one JSON object.
    const result = await run(process.execPath, [ctx.cli, 'respect', workflowFile,
        '--server', `${SOURCE_NAME}=${emulator.url}/api`,
        '--input', JSON.stringify(inputs),
        '--max-steps', String(MAX_STEPS),
        '--max-fetch-timeout', '10000',
        '--execution-timeout', '60000',
        '--json-output', json, '--har-output', har],
    { cwd: ctx.tmp, env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' } });
    fs.writeFileSync(path.join(ctx.tmp, `${name}.respect.log`), result.output);
    const where = `respect run '${name}' (log ${path.join(ctx.tmp, `${name}.respect.log`)})`;
    check(fs.existsSync(json) && fs.existsSync(har),
        `${where} wrote no JSON/HAR report (exit ${result.code}):\n${tail(result.output)}`);
    return { name, where, code: result.code, output: result.output, ms: Date.now() - started, ...readReport(where, json, har) };
}

function tail(text, lines = 40) { return text.trim().split('\n').slice(-lines).join('\n'); }

// The JSON report nests each goto as a sub-workflow under the step that took it, and keeps the
// response bodies of failed steps out (and, for goto loops, repeats the last body in every
// iteration). The HAR log has every request with its real body, in order; the two are joined
// one step to one request and checked to agree on method, URL and status.
function readReport(where, jsonFile, harFile) {
    const report = readJson(jsonFile);
    const files = Object.values(report.files || {});
    check(files.length === 1, `${where}: expected one file in the JSON report, got ${files.length}`);
    const workflows = files[0].executedWorkflows || [];
    check(workflows.length === 1, `${where}: expected one executed workflow, got ${workflows.length}`);
    const steps = [];
    const gotos = []; // the goto behind each nested sub-workflow: "Goto from step pollRun"
    const walk = (workflow) => {
        for (const item of workflow.executedSteps || []) {
            if (item.type === 'step') steps.push(item);
            else if (item.type === 'workflow') {
                gotos.push(String(item.invocationContext || ''));
                walk(item);
            }
        }
    };
    walk(workflows[0]);
    const entries = readJson(harFile).log.entries;
    check(entries.length === steps.length,
        `${where}: the JSON report has ${steps.length} steps but the HAR log ${entries.length} requests`);
    steps.forEach((step, i) => {
        const entry = entries[i];
        check(entry.request.method.toLowerCase() === step.request.method.toLowerCase()
            && entry.request.url === step.request.url
            && entry.response.status === step.response.statusCode,
        `${where}: step ${i + 1} (${step.stepId}) does not match request ${i + 1} of the HAR log`);
        const text = entry.response.content && entry.response.content.text;
        try { step.body = text ? JSON.parse(text) : undefined; } catch { step.body = undefined; }
        step.bodyText = text || '';
        step.contentType = String(step.response.headers['content-type'] || '');
        step.runId = new URL(step.request.url).searchParams.get('run_id');
        step.ms = Number(entry.time) || 0;
    });
    return { report, workflow: workflows[0], steps, gotos, status: report.status };
}

const checkNamed = (step, name) => step.checks.filter((c) => c.name === name);
const failedChecks = (step) => step.checks.filter((c) => !c.passed);
const describe = (step) => `${step.stepId} (${step.request.method.toUpperCase()} ${new URL(step.request.url).pathname}${new URL(step.request.url).search} -> ${step.response.statusCode})`;

// Every answer must pass respect's OpenAPI checks: each step has exactly one status-code,
// content-type and schema check, and each passed. This holds for the seed's runs too: where
// the seed is at fault it is its success criteria or outputs that fail, never these.
function assertOpenApiChecks(run) {
    assertPromptAnswers(run);
    for (const step of run.steps) {
        for (const name of OPENAPI_CHECKS) {
            const found = checkNamed(step, name);
            check(found.length === 1, `${run.where}: ${describe(step)} has ${found.length} '${name}' entries, expected 1`);
            if (found[0].passed) continue;
            // respect validates with unevaluatedProperties false by default: a member the seed's
            // schema does not declare fails like a wrong type. Its message marks each one (👈🏽).
            const marked = found[0].message.split('\n').filter((l) => l.includes('👈')).map((l) => l.replace(/^.*👈🏽?\s*/, '    '));
            fail(`${run.where}: emulator answer failed respect's ${name} at ${describe(step)}:\n`
                + `${marked.length ? marked.join('\n') : tail(found[0].message, 60)}\n  body: ${step.bodyText.slice(0, 1500)}`);
        }
        check(step.contentType.startsWith('application/json'), `${run.where}: ${describe(step)} answered content-type '${step.contentType}'`);
    }
}

// A poll loop only sees the states the emulator shows while it answers: an answer that takes
// seconds (e.g. every worker thread held by an idle keep-alive connection, respect opening a new
// connection per request) skips whole states. Name such a stall rather than fail on its effect.
const SLOW_ANSWER_MS = 2000;
function assertPromptAnswers(run) {
    for (const [i, step] of run.steps.entries())
        check(step.ms < SLOW_ANSWER_MS,
            `${run.where}: the emulator took ${Math.round(step.ms)} ms to answer request ${i + 1}, ${describe(step)} (limit ${SLOW_ANSWER_MS} ms)`);
}

function assertStepSequence(run, expected) {
    const got = run.steps.map((s) => s.stepId);
    check(JSON.stringify(got) === JSON.stringify(expected),
        `${run.where}: executed steps ${JSON.stringify(got)}, expected ${JSON.stringify(expected)}\n${tail(run.output)}`);
}

function assertOnlyFailures(run, step, expectedNames) {
    const names = failedChecks(step).map((c) => c.name).sort();
    check(JSON.stringify(names) === JSON.stringify([...expectedNames].sort()),
        `${run.where}: ${describe(step)} failed checks ${JSON.stringify(names)}, expected ${JSON.stringify(expectedNames)}:\n`
        + failedChecks(step).map((c) => `  ${c.name}: ${c.message}`).join('\n'));
}

function assertUnresolvedOutput(run, step, pointerExpression) {
    const errors = checkNamed(step, 'unexpected error');
    check(errors.length === 1 && errors[0].message.includes(`'${pointerExpression}'`) && /reaches no value/.test(errors[0].message),
        `${run.where}: ${describe(step)} should fail resolving the output ${pointerExpression}, got: ${errors.map((e) => e.message).join(' | ') || 'no error'}`);
}

// The success actions respect took, from its console log ("Running success action NAME for the
// step STEP"), cross-checked against the gotos in the JSON report.
function successActions(run) {
    const actions = [...run.output.matchAll(/Running success action (\S+) for the step (\S+)/g)].map((m) => `${m[2]}.${m[1]}`);
    check(actions.length === run.gotos.length,
        `${run.where}: respect logged ${actions.length} success actions but the JSON report has ${run.gotos.length} gotos`);
    return actions;
}

function assertSubmitted(run) {
    const submit = run.steps[0];
    check(submit.stepId === 'submitRun' && submit.status === 'success' && failedChecks(submit).length === 0,
        `${run.where}: submitRun did not pass whole: ${failedChecks(submit).map((c) => c.message).join(' | ')}`);
    check(submit.response.statusCode === 200 && Number.isInteger(submit.body && submit.body.run_id),
        `${run.where}: runs/submit answered ${submit.response.statusCode} ${submit.bodyText}`);
    return submit.body.run_id;
}

// --- the three runs -------------------------------------------------------------------------

// Writes a workflow into the temp dir with its sourceDescriptions url made the absolute path of
// the seed's OpenAPI file (the seed's own url is relative to the seed's folder).
function writeWorkflow(ctx, name, text) {
    const occurrences = text.split(`url: ${SEED_OPENAPI_REF}`).length - 1;
    check(occurrences === 1, `${name}: expected one sourceDescriptions url '${SEED_OPENAPI_REF}', found ${occurrences}`);
    const file = path.join(ctx.tmp, `${name}.arazzo.yml`);
    fs.writeFileSync(file, text.replace(`url: ${SEED_OPENAPI_REF}`, `url: ${JSON.stringify(ctx.openapi)}`));
    return file;
}

// (a) The seed as it is: pollRun's output resultState (/state/result_state) is absent while the
// run is not terminal, so respect fails the step at the first poll and stops there.
async function seedAsIs(ctx) {
    const run = await runRespect(ctx, 'seed', ctx.seedFile, ctx.emulator); // the seed file itself, in place
    assertOpenApiChecks(run);
    check(run.code !== 0 && run.status === 'error', `${run.where}: the seed should fail, exit ${run.code} status ${run.status}`);
    assertStepSequence(run, ['submitRun', 'pollRun']);
    const runId = assertSubmitted(run);
    const poll = run.steps[1];
    check(String(runId) === poll.runId, `${run.where}: pollRun asked for run ${poll.runId}, submitted ${runId}`);
    assertOnlyFailures(run, poll, ['unexpected error']);
    check(checkNamed(poll, 'success criteria check')[0]?.passed, `${run.where}: pollRun's success criteria should pass`);
    assertUnresolvedOutput(run, poll, '$response.body#/state/result_state');
    const state = poll.body && poll.body.state;
    check(state && !TERMINAL.has(state.life_cycle_state) && !('result_state' in state),
        `${run.where}: the first poll should see a non-terminal run without result_state, got ${JSON.stringify(state)}`);
    return { run, firstState: state.life_cycle_state };
}

// What the seed does once its pollRun passes: (b) no goto is taken although the polled state is
// one its conditions name, so it falls through to fetchOutput after one poll; (c) fetchOutput
// asks runs/get-output for the parent run id and gets 400 INVALID_PARAMETER_VALUE, failing
// `$statusCode == 200`; (d) its output notebookResult (/notebook_output/result) is absent there.
function assertSeedFallsThroughToParentOutput(ctx, run, conditionName) {
    assertOpenApiChecks(run);
    check(run.code !== 0 && run.status === 'error', `${run.where}: should fail, exit ${run.code} status ${run.status}`);
    assertStepSequence(run, ['submitRun', 'pollRun', 'fetchOutput']);
    const runId = assertSubmitted(run);
    const [, poll, fetch] = run.steps;

    // (b)
    check(poll.status === 'success' && failedChecks(poll).length === 0,
        `${run.where}: pollRun should pass whole: ${failedChecks(poll).map((c) => c.message).join(' | ')}`);
    const state = poll.body && poll.body.state && poll.body.state.life_cycle_state;
    const condition = ctx.seedConditions[conditionName];
    check(condition.includes(`"${state}"`),
        `${run.where}: the poll should see a state the seed's ${conditionName} condition names (${condition}), got ${state}`);
    const actions = successActions(run);
    check(actions.length === 0, `${run.where}: the seed's conditions should match nothing, yet respect took ${actions.join(', ')}`);

    // (c)
    check(fetch.runId === String(runId), `${run.where}: fetchOutput should ask for the parent run ${runId}, asked for ${fetch.runId}`);
    check(fetch.response.statusCode === 400 && fetch.body && fetch.body.error_code === 'INVALID_PARAMETER_VALUE'
        && typeof fetch.body.message === 'string' && fetch.body.message.length > 0,
    `${run.where}: runs/get-output with the parent run id should answer 400 INVALID_PARAMETER_VALUE, got ${fetch.response.statusCode} ${fetch.bodyText}`);
    assertOnlyFailures(run, fetch, ['success criteria check', 'unexpected error']);
    check(checkNamed(fetch, 'success criteria check')[0].condition === '$statusCode == 200',
        `${run.where}: fetchOutput's failed criterion is not $statusCode == 200`);

    // (d)
    assertUnresolvedOutput(run, fetch, '$response.body#/notebook_output/result');
    return { run, state, condition, poll, error: fetch.body };
}

// (b)-(d) on the loop: the seed with only defect (a) taken away (its two resultState lines
// deleted, nothing else changed) polls a run that is not over, sees a state its stillRunning
// condition names, and still falls through to fetchOutput.
async function seedWithoutResultState(ctx) {
    const lines = ctx.seedText.split('\n');
    const kept = lines.filter((line) => !/^\s*resultState: \$/.test(line));
    check(lines.length - kept.length === 2, `seed: expected two resultState lines (pollRun's output and the workflow's), found ${lines.length - kept.length}`);
    const run = await runRespect(ctx, 'seed-minus-a', writeWorkflow(ctx, 'seed-minus-a', kept.join('\n')), ctx.emulator);
    return assertSeedFallsThroughToParentOutput(ctx, run, 'stillRunning');
}

// (b)-(d) on the seed as it is: against an emulator so fast that the run is over before the
// first poll, (a) does not bite (result_state is there); the poll sees TERMINATED, which the
// seed's finished condition names, yet no goto is taken; fetchOutput then fails as above.
async function seedAsIsLatePoll(ctx) {
    const run = await runRespect(ctx, 'seed-late-poll', ctx.seedFile, ctx.fastEmulator);
    const result = assertSeedFallsThroughToParentOutput(ctx, run, 'finished');
    const state = result.poll.body.state;
    check(state.life_cycle_state === 'TERMINATED' && state.result_state === 'SUCCESS',
        `${run.where}: at speed ${FAST_SPEED} the first poll should see TERMINATED/SUCCESS, got ${JSON.stringify(state)}`);
    return result;
}

// The corrected copy passes whole, polling through several states, and ends with the task's
// notebook output fetched by the task run id.
async function corrected(ctx) {
    const run = await runRespect(ctx, 'corrected', writeWorkflow(ctx, 'corrected', fs.readFileSync(CORRECTED_WORKFLOW, 'utf8')), ctx.emulator);
    assertOpenApiChecks(run);
    const failures = run.steps.flatMap((s) => failedChecks(s).map((c) => `  ${describe(s)}: ${c.name}: ${c.message}`));
    check(run.code === 0 && run.status === 'success' && failures.length === 0,
        `${run.where}: the corrected workflow should pass whole, exit ${run.code} status ${run.status}:\n${failures.join('\n')}\n${tail(run.output)}`);
    const runId = assertSubmitted(run);
    const ids = run.steps.map((s) => s.stepId);
    const polls = run.steps.filter((s) => s.stepId === 'pollRun');
    assertStepSequence(run, ['submitRun', ...polls.map(() => 'pollRun'), 'getFinalRun', 'fetchOutput']);
    check(ids.length <= MAX_STEPS, `${run.where}: ${ids.length} steps exceed the budget`);

    const states = polls.map((p) => p.body && p.body.state && p.body.state.life_cycle_state);
    check(polls.every((p) => p.runId === String(runId)), `${run.where}: pollRun asked for another run than ${runId}`);
    check(polls.length >= 2, `${run.where}: expected the poll loop taken at least once, got ${polls.length} pollRun: ${states.join(' ')}`);
    const distinct = [...new Set(states)];
    check(distinct.length >= 2, `${run.where}: pollRun saw only ${distinct.join(', ')}`);
    check(states.slice(0, -1).every((s) => !TERMINAL.has(s)) && states[states.length - 1] === 'TERMINATED',
        `${run.where}: the loop should go on exactly until TERMINATED: ${states.join(' ')}`);
    const actions = successActions(run);
    const expectedActions = [...polls.slice(1).map(() => 'pollRun.stillRunning'), 'pollRun.finished'];
    check(JSON.stringify(actions) === JSON.stringify(expectedActions),
        `${run.where}: expected ${polls.length - 1} stillRunning gotos then one finished, respect took ${actions.join(', ')}`);
    const ranks = states.map((s) => STATE_ORDER.indexOf(s));
    check(ranks.every((r, i) => r >= 0 && (i === 0 || r >= ranks[i - 1])),
        `${run.where}: life_cycle_state went backwards or is unexpected for the demo notebook: ${states.join(' ')}`);
    for (const p of polls) {
        const s = p.body.state;
        check(TERMINAL.has(s.life_cycle_state) === ('result_state' in s),
            `${run.where}: result_state must be present exactly when the run is terminal: ${JSON.stringify(s)}`);
    }

    const final = run.steps[run.steps.length - 2];
    const fetch = run.steps[run.steps.length - 1];
    const finalState = final.body.state;
    check(finalState.life_cycle_state === 'TERMINATED' && finalState.result_state === 'SUCCESS',
        `${run.where}: final state ${JSON.stringify(finalState)}, expected TERMINATED/SUCCESS`);
    const task = Array.isArray(final.body.tasks) && final.body.tasks[0];
    check(task && Number.isInteger(task.run_id) && task.run_id !== runId,
        `${run.where}: the final run has no task run id distinct from the run id: ${JSON.stringify(final.body.tasks)}`);
    check(fetch.runId === String(task.run_id), `${run.where}: fetchOutput asked for run ${fetch.runId}, the task run is ${task.run_id}`);
    const result = fetch.body && fetch.body.notebook_output && fetch.body.notebook_output.result;
    check(typeof result === 'string' && result.length > 0,
        `${run.where}: runs/get-output for the task run has no notebook_output.result: ${fetch.bodyText}`);
    // (d) again: a successful answer has no `error`, so the seed's other output fails there too.
    check(!('error' in fetch.body), `${run.where}: a successful runs/get-output answer should have no 'error': ${fetch.bodyText}`);
    return { run, polls: polls.length, states, runId, taskRunId: task.run_id, result };
}

// --- main -----------------------------------------------------------------------------------

function runLengths(states) {
    const out = [];
    for (const s of states) {
        if (out.length && out[out.length - 1][0] === s) out[out.length - 1][1]++;
        else out.push([s, 1]);
    }
    return out.map(([s, n]) => `${s}×${n}`).join(' → ');
}

function seedConditions(seedText) {
    const conditions = {};
    const re = /- name: (\w+)\n(?:(?!\s*- name:).*\n)*?\s+condition: (.*)\n/g;
    for (let m; (m = re.exec(seedText));) conditions[m[1]] = m[2].trim();
    check(conditions.finished && conditions.stillRunning, 'seed: cannot find the finished/stillRunning conditions of pollRun');
    for (const condition of Object.values(conditions))
        check(/^\$\.state\.life_cycle_state == "/.test(condition), `seed: expected a pre-RFC 9535 condition, found ${condition}`);
    return conditions;
}

// CTest kills a test that outlives its TIMEOUT (300 s) without a chance to clean up: give up
// first, so the emulators are always stopped.
const WATCHDOG_MS = 270000;

async function main() {
    setTimeout(() => {
        console.error(`FAIL conformance_respect: still running after ${WATCHDOG_MS / 1000} s; giving up`);
        stopEmulators().finally(() => process.exit(1));
    }, WATCHDOG_MS).unref();
    const args = parseArgs(process.argv.slice(2));
    const manifest = readJson(path.join(HERE, 'package.json'));
    const pinned = manifest.dependencies['@redocly/cli'];
    checkSeed(args.seedDir);
    checkNode(manifest);
    const cli = await checkRespect(args, pinned);
    if (!fs.existsSync(args.emulator)) fail(`emulator binary ${args.emulator} does not exist (build the brickrun-emulator target)`);

    const started = Date.now();
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'brickrun-conformance-'));
    const token = `dapi-test-conformance-${randomBytes(8).toString('hex')}`;
    let ok = false;
    try {
        const seedFile = path.join(args.seedDir, SEED_WORKFLOW);
        const seedText = fs.readFileSync(seedFile, 'utf8');
        const ctx = {
            cli, tmp, token, seedFile, seedText,
            seedConditions: seedConditions(seedText),
            openapi: path.join(args.seedDir, SEED_OPENAPI),
            emulator: await startEmulator(args.emulator, token, EMULATOR_SPEED),
            fastEmulator: await startEmulator(args.emulator, token, FAST_SPEED),
        };
        console.log(`respect ${pinned} (node ${process.versions.node}) against ${args.emulator}: `
            + `${ctx.emulator.url} at speed ${EMULATOR_SPEED}, ${ctx.fastEmulator.url} at speed ${FAST_SPEED}`);

        const a = await seedAsIs(ctx);
        console.log(`seed as is, run not over at the first poll: fails at pollRun as expected (${a.run.ms} ms)\n`
            + `  (a) first poll saw ${a.firstState}; output resultState ($response.body#/state/result_state) reaches no value`);
        const seedTail = (r, name) => `  (b) pollRun saw ${r.state}, named by ${name} (${r.condition}), yet no goto matched: fell through to fetchOutput\n`
            + `  (c) runs/get-output with the parent run id: 400 ${r.error.error_code}: ${r.error.message}\n`
            + '  (d) output notebookResult ($response.body#/notebook_output/result) reaches no value in that answer';
        const late = await seedAsIsLatePoll(ctx);
        console.log(`seed as is, run over before the first poll (speed ${FAST_SPEED}): fails at fetchOutput as expected (${late.run.ms} ms)\n${seedTail(late, 'finished')}`);
        const b = await seedWithoutResultState(ctx);
        console.log(`seed without its resultState lines: fails at fetchOutput as expected (${b.run.ms} ms)\n${seedTail(b, 'stillRunning')}`);
        const c = await corrected(ctx);
        console.log(`corrected workflow: passed whole (${c.run.ms} ms): ${c.run.steps.length} steps, `
            + `${c.run.steps.reduce((n, s) => n + s.checks.length, 0)} checks\n`
            + `  run ${c.runId}: ${c.polls} polls ${runLengths(c.states)}; TERMINATED/SUCCESS; task run ${c.taskRunId} `
            + `output ${JSON.stringify(c.result)}; (d) no 'error' in that answer`);
        // Brickrun's own Arazzo export of three presets (respect-exports.mjs), with --cli.
        const exported = args.cli ? await exportedWorkflows(ctx, args.cli, {
            runRespect, writeWorkflow, assertOpenApiChecks, assertSubmitted, failedChecks, describe, check, fail, tail,
        }) : [];
        for (const e of exported)
            console.log(`exported workflow of preset '${e.name}': passed whole (${e.run.ms} ms): run ${e.runId}, `
                + `${e.polls} polls, ${e.resultState}, output of task run ${e.taskRunId}; body as --as cli prints it`);
        if (!args.cli) console.log('exported workflows: not run (no --cli BRICKRUN_CLI given)');
        const all = [a, late, b, c, ...exported];
        const answers = all.reduce((n, r) => n + r.run.steps.length, 0);
        const slowest = Math.max(...all.flatMap((r) => r.run.steps.map((s) => s.ms)));
        console.log(`all ${answers} emulator answers passed respect's status-code, content-type and schema checks (slowest ${Math.round(slowest)} ms)`);
        console.log(`conformance_respect: passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
        ok = true;
    } catch (error) {
        if (error instanceof Failure) error.message += `\n(respect logs, JSON reports and HAR logs kept in ${tmp})`;
        throw error;
    } finally {
        await stopEmulators();
        if (ok) fs.rmSync(tmp, { recursive: true, force: true });
    }
}

main().then(() => process.exit(0), async (error) => {
    await stopEmulators();
    if (error instanceof Skip) {
        console.error(`SKIP conformance_respect: ${error.message}`);
        process.exit(SKIP);
    }
    const log = emulators.map((e) => e.log.trim()).filter(Boolean).join('\n');
    console.error(`FAIL conformance_respect: ${error instanceof Failure ? error.message : error.stack}`);
    if (log) console.error(`emulator output:\n${tail(log)}`);
    process.exit(1);
});
